using System.Collections;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Entities
{
    /// <summary>
    /// Every entity of the node, declared by the parts at start, and the adapters that render their values: a part
    /// publishes a value on the node's own topic and hands it here; each listening adapter publishes it its way.
    /// </summary>
    public sealed class EntityRegistry
    {
        private readonly ArrayList _entities = new ArrayList();
        private IEntityListener[] _listeners = new IEntityListener[0];

        public int Count
        {
            get { return _entities.Count; }
        }

        public Entity this[int index]
        {
            get { return (Entity)_entities[index]; }
        }

        public void Add(Entity entity)
        {
            string key = entity.Key;
            for (int i = 0; i < _entities.Count; i++)
            {
                if (((Entity)_entities[i]).HasKey(key))
                {
                    throw new System.ArgumentException("two entities named " + key);
                }
            }

            entity.Index = _entities.Count;
            _entities.Add(entity);
        }

        /// <summary>The entity of <paramref name="group"/> and <paramref name="id"/>, or null.</summary>
        public Entity Find(string group, string id)
        {
            for (int i = 0; i < _entities.Count; i++)
            {
                Entity entity = (Entity)_entities[i];
                if (entity.Group == group && entity.Id == id)
                {
                    return entity;
                }
            }

            return null;
        }

        public void AddListener(IEntityListener listener)
        {
            IEntityListener[] listeners = new IEntityListener[_listeners.Length + 1];
            _listeners.CopyTo(listeners, 0);
            listeners[_listeners.Length] = listener;
            _listeners = listeners;
        }

        /// <summary>True when some adapter renders values (so a part need not format one for nobody).</summary>
        public bool HasListeners
        {
            get { return _listeners.Length > 0; }
        }

        /// <summary><paramref name="entity"/> has a new value: every listening adapter publishes it.</summary>
        [SteadyState]
        public void Publish(Entity entity, byte[] text, int length)
        {
            for (int i = 0; i < _listeners.Length; i++)
            {
                _listeners[i].OnValue(entity, text, length);
            }
        }
    }
}
