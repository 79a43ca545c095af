namespace SensorNode.Core.Web
{
    /// <summary>The methods the node's web console answers; any other is refused with 405.</summary>
    public enum HttpMethod
    {
        Other,
        Get,
        Post,
    }

    /// <summary>What <see cref="HttpRequestParser.Parse"/> made of the bytes so far.</summary>
    public enum HttpParse
    {
        /// <summary>More bytes are needed (the head or the body is not complete).</summary>
        Incomplete,

        /// <summary>A whole request: <see cref="HttpRequest"/> holds its parts, the body is in the buffer.</summary>
        Complete,

        /// <summary>Refused: <see cref="HttpRequest.Status"/> and <see cref="HttpRequest.Error"/> say why.</summary>
        Bad,
    }

    /// <summary>
    /// The parts of one request the web console acts on, filled by <see cref="HttpRequestParser"/>; the body stays
    /// in the caller's buffer (<see cref="BodyOffset"/>, <see cref="BodyLength"/>). Headers the console does not
    /// use are checked for form and skipped.
    /// </summary>
    public sealed class HttpRequest
    {
        public HttpMethod Method;

        /// <summary>The target's path, without a query.</summary>
        public string Path;

        /// <summary>The Host header, or null.</summary>
        public string Host;

        /// <summary>The Origin header, or null (a browser sends it with every POST).</summary>
        public string Origin;

        /// <summary>The Authorization header, or null.</summary>
        public string Authorization;

        /// <summary>The Content-Length header's value, or -1 when there is none.</summary>
        public int ContentLength;

        public int BodyOffset;
        public int BodyLength;

        /// <summary>With <see cref="HttpParse.Bad"/>: the status to answer (400, 405, 411, 413, 414, 431, 501, 505).</summary>
        public int Status;

        /// <summary>With <see cref="HttpParse.Bad"/>: why, in a few words.</summary>
        public string Error;

        public void Reset()
        {
            Method = HttpMethod.Other;
            Path = null;
            Host = null;
            Origin = null;
            Authorization = null;
            ContentLength = -1;
            BodyOffset = 0;
            BodyLength = 0;
            Status = 0;
            Error = null;
        }
    }
}
