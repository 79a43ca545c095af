using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using SensorNode.HostBoard.Brokers;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// What Home Assistant reads of a node on the broker: the retained pieces of its announcement
    /// ("homeassistant/device/{node}/config", the base, and "homeassistant/device/{node}/{piece}/config"), their
    /// components joined as Home Assistant joins them into one device.
    /// </summary>
    public static class HomeAssistantView
    {
        public static string BaseTopic(string nodeId) => "homeassistant/device/" + nodeId + "/config";

        public static string PieceTopic(string nodeId, string piece) => "homeassistant/device/" + nodeId + "/" + piece + "/config";

        /// <summary>
        /// Subscribes late (retained messages only) until the pieces hold a component of each of <paramref name="keys"/>;
        /// the components of every piece, each piece's device block checked to be the node's.
        /// </summary>
        public static Dictionary<string, JsonElement> Components(IBroker broker, string nodeId, TimeSpan timeout, params string[] keys)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            Dictionary<string, JsonElement> components;
            do
            {
                components = new Dictionary<string, JsonElement>();
                using (Observer late = Observer.Watch(broker, "homeassistant/device/" + nodeId + "/#"))
                {
                    Thread.Sleep(500); // retained messages arrive right after the subscription
                    foreach (Received piece in late.All)
                    {
                        if (!piece.Retained || piece.Payload.Length == 0)
                        {
                            continue;
                        }

                        using JsonDocument document = JsonDocument.Parse(piece.Payload);
                        string identifier = document.RootElement.GetProperty("device").GetProperty("identifiers")[0].GetString();
                        if (identifier != "sensornode_" + nodeId)
                        {
                            throw new InvalidOperationException(piece.Topic + " names device " + identifier);
                        }

                        foreach (JsonProperty component in document.RootElement.GetProperty("components").EnumerateObject())
                        {
                            components[component.Name] = component.Value.Clone();
                        }
                    }
                }

                if (Array.TrueForAll(keys, components.ContainsKey))
                {
                    return components;
                }
            }
            while (DateTime.UtcNow < deadline);
            throw new TimeoutException("the retained announcement of " + nodeId + " lacks " + string.Join(", ", Array.FindAll(keys, k => !components.ContainsKey(k))) + "; it has " + string.Join(", ", components.Keys));
        }
    }
}
