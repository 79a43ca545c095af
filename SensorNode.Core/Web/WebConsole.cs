using SensorNode.Core.Actuators;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Text;

namespace SensorNode.Core.Web
{
    /// <summary>
    /// The node's own web page, one for both modes: the setup form while the node has no broker (setup mode), the
    /// status page once it has (readings, outputs with buttons, diagnostics, settings with secrets masked).
    /// Serves one request per connection on the board's web server thread; the node's state is only read here, and
    /// what changes it (settings, commands) goes to the node's inbox as if it came from MQTT (<see cref="Node.Submit"/>),
    /// so it passes the same checks, trial and events on the main loop.
    /// Every request needs the web password (HTTP Basic, any user name); a POST must come from the page's own origin
    /// (CSRF) with a body of at most <see cref="MaxBodyBytes"/>. Routes: GET / (the page), GET /s (its JSON),
    /// POST /config (setup mode only: the settings as JSON), POST /a/{output} (not in setup mode: a command).
    /// </summary>
    public sealed class WebConsole
    {
        /// <summary>The largest body taken: a config as on "{base}/config/set".</summary>
        public const int MaxBodyBytes = ConfigController.MaxConfigBytes;

        /// <summary>Request line and headers; a browser's are 0.5 to 1 KB.</summary>
        public const int MaxHeadBytes = 1536;

        public const int MaxStatusBytes = 3072;
        private const int StatusSlackBytes = 32;

        private readonly Node _node;
        private readonly BasicAuth _auth;
        private readonly IWifiScanner _wifi;
        private readonly HttpRequest _parsed = new HttpRequest();
        // Made per request and dropped after it (about 6 KB while one is served, nothing in between): on an
        // ESP32-DevKitC the steady state has some 24 KB free, and the page is opened rarely.
        private byte[] _request;
        private PayloadBuilder _head;
        private readonly object _serving = new object();

        public WebConsole(Node node, string password, IWifiScanner wifi)
        {
            _node = node;
            _auth = new BasicAuth(password);
            _wifi = wifi;
        }

        /// <summary>Reads one request from <paramref name="connection"/> and answers it; never throws for what a client sends.</summary>
        public void Serve(IHttpConnection connection)
        {
            lock (_serving)
            {
                _request = new byte[MaxHeadBytes + MaxBodyBytes];
                _head = new PayloadBuilder(512);
                try
                {
                    ServeRequest(connection);
                }
                finally
                {
                    _request = null;
                    _head = null;
                }
            }
        }

        private void ServeRequest(IHttpConnection connection)
        {
            int length = 0;
            HttpParse parse = HttpParse.Incomplete;
            while (parse == HttpParse.Incomplete)
            {
                if (length == _request.Length)
                {
                    Text(connection, 431, "the request is too large");
                    return;
                }

                int read = connection.Read(_request, length, _request.Length - length);
                if (read <= 0)
                {
                    if (length > 0)
                    {
                        Text(connection, 400, "the request ended early");
                    }

                    return;
                }

                length += read;
                parse = HttpRequestParser.Parse(_request, length, MaxBodyBytes, _parsed);
            }

            if (parse == HttpParse.Bad)
            {
                Text(connection, _parsed.Status, _parsed.Error);
                return;
            }

            Answer(connection, _parsed);
        }

        private void Answer(IHttpConnection connection, HttpRequest request)
        {
            if (!_auth.Allows(request.Authorization))
            {
                Respond(connection, 401, "text/plain", null, 0, "WWW-Authenticate: Basic realm=\"SensorNode\", charset=\"UTF-8\"\r\n", "the web password is needed");
                return;
            }

            if (request.Method == HttpMethod.Post && request.Origin != "http://" + request.Host)
            {
                Text(connection, 403, "a change must come from this node's own page (the Origin header)");
                return;
            }

            string path = request.Path;
            if (path == "/")
            {
                Page(connection, request);
            }
            else if (path == "/s")
            {
                OnlyGet(connection, request);
                if (request.Method == HttpMethod.Get)
                {
                    // Measured first, then written in a buffer of exactly its size (about 1.3 KB): the page asks every
                    // second, and on a device's heap at 84 % a 3 KB block was often not there (the virtual ESP32's page
                    // said "The node does not answer" for a minute after setup, every request out of memory).
                    PayloadBuilder measure = new PayloadBuilder(0);
                    StatusJson.Write(_node, _wifi, measure);
                    int size = measure.NeededLength + StatusSlackBytes; // an uptime that gains a digit in between
                    PayloadBuilder json = new PayloadBuilder(size > MaxStatusBytes ? MaxStatusBytes : size);
                    StatusJson.Write(_node, _wifi, json);
                    Respond(connection, 200, "application/json", json.Buffer, json.Overflowed ? -1 : json.Length, null, null);
                }
            }
            else if (path == "/config")
            {
                Configure(connection, request);
            }
            else if (path.Length > 3 && path.Substring(0, 3) == "/a/")
            {
                Command(connection, request, path.Substring(3));
            }
            else
            {
                Text(connection, 404, "no such page");
            }
        }

        private void Page(IHttpConnection connection, HttpRequest request)
        {
            OnlyGet(connection, request);
            if (request.Method == HttpMethod.Get)
            {
                Respond(connection, 200, "text/html; charset=utf-8", WebPage.Gzip, WebPage.Gzip.Length, "Content-Encoding: gzip\r\n", null);
            }
        }

        private void OnlyGet(IHttpConnection connection, HttpRequest request)
        {
            if (request.Method != HttpMethod.Get)
            {
                Text(connection, 405, "only GET here");
            }
        }

        /// <summary>The setup form's settings: checked as config/set checks them, then tried by the node as config/set is.</summary>
        private void Configure(IHttpConnection connection, HttpRequest request)
        {
            if (request.Method != HttpMethod.Post)
            {
                Text(connection, 405, "only POST here");
                return;
            }

            if (!_node.InSetupMode)
            {
                Text(connection, 403, "settings are taken here only in setup mode; use {base}/config/set");
                return;
            }

            byte[] json = Body(request);
            NodeConfig merged;
            string refused = ConfigParser.TryMerge(_node.Config, json, json.Length, out merged);
            if (refused == null && !merged.IsSetUp)
            {
                refused = "\"" + ConfigKeys.BrokerHost + "\" must not be empty";
            }

            if (refused != null)
            {
                Text(connection, 400, refused);
                return;
            }

            _node.Submit(_node.Topics.ConfigSet, json);
            Text(connection, 202, "trying the new settings");
        }

        private void Command(IHttpConnection connection, HttpRequest request, string id)
        {
            if (request.Method != HttpMethod.Post)
            {
                Text(connection, 405, "only POST here");
                return;
            }

            if (_node.InSetupMode)
            {
                Text(connection, 403, "outputs are switched here once the node is set up");
                return;
            }

            Actuator[] actuators = _node.Actuators;
            for (int i = 0; actuators != null && i < actuators.Length; i++)
            {
                if (actuators[i].Id == id)
                {
                    if (request.BodyLength == 0 || request.BodyLength > ActuatorController.MaxCommandBytes)
                    {
                        Text(connection, 400, "a command is 1 to " + ActuatorController.MaxCommandBytes + " bytes");
                        return;
                    }

                    _node.Submit(_node.Topics.ActuatorSet(id), Body(request));
                    Text(connection, 202, "sent to " + id);
                    return;
                }
            }

            Text(connection, 404, "no output named so");
        }

        private byte[] Body(HttpRequest request)
        {
            byte[] body = new byte[request.BodyLength];
            System.Array.Copy(_request, request.BodyOffset, body, 0, body.Length);
            return body;
        }

        private void Text(IHttpConnection connection, int status, string text)
        {
            Respond(connection, status, "text/plain; charset=utf-8", null, 0, null, text);
        }

        /// <summary>
        /// The head from a buffer kept for it, then the body from <paramref name="body"/> (as it is: the page's bytes
        /// are never copied) or, when that is null, <paramref name="text"/>. A length of -1: the body overflowed, 500.
        /// </summary>
        private void Respond(IHttpConnection connection, int status, string contentType, byte[] body, int length, string extraHeaders, string text)
        {
            if (length < 0)
            {
                status = 500;
                body = null;
                text = "the answer did not fit the node's buffer";
            }

            byte[] textBytes = null;
            if (body == null)
            {
                textBytes = new PayloadBuilder(text.Length * 3 + 1).Append(text).ToArray();
                body = textBytes;
                length = textBytes.Length;
            }

            _head.Clear().Append("HTTP/1.1 ").AppendInteger(status).Append(' ').Append(Reason(status))
                .Append("\r\nContent-Type: ").Append(contentType)
                .Append("\r\nContent-Length: ").AppendInteger(length)
                .Append("\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY")
                .Append("\r\nContent-Security-Policy: default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'\r\n");
            if (extraHeaders != null)
            {
                _head.Append(extraHeaders);
            }

            _head.Append("\r\n");
            if (connection.Write(_head.Buffer, 0, _head.Length))
            {
                connection.Write(body, 0, length);
            }
        }

        private static string Reason(int status)
        {
            switch (status)
            {
                case 200: return "OK";
                case 202: return "Accepted";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 411: return "Length Required";
                case 413: return "Content Too Large";
                case 414: return "URI Too Long";
                case 431: return "Request Header Fields Too Large";
                case 501: return "Not Implemented";
                case 505: return "HTTP Version Not Supported";
                default: return "Internal Server Error";
            }
        }
    }
}
