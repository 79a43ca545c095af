namespace SensorNode.Core.Mqtt
{
    /// <summary>MQTT topic filter matching ('+' one level, '#' the rest), without allocating.</summary>
    public static class TopicFilter
    {
        public static bool Matches(string filter, string topic)
        {
            int f = 0;
            int t = 0;
            while (f < filter.Length)
            {
                char c = filter[f];
                if (c == '#')
                {
                    return true; // the rest, including the parent level itself ("a/#" matches "a")
                }

                if (c == '+')
                {
                    while (t < topic.Length && topic[t] != '/')
                    {
                        t++;
                    }

                    f++;
                    continue;
                }

                if (t >= topic.Length)
                {
                    // "a/#" also matches "a": the topic ended where the filter has "/#" left.
                    return f + 1 < filter.Length && filter[f] == '/' && filter[f + 1] == '#' && f + 2 == filter.Length;
                }

                if (topic[t] != c)
                {
                    return false;
                }

                f++;
                t++;
            }

            return t == topic.Length;
        }
    }
}
