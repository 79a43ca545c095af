namespace SensorNode.Core.Entities
{
    /// <summary>A part that exposes entities: it declares them once, at start, and keeps their topics current.</summary>
    public interface IEntitySource
    {
        /// <summary>Adds this part's entities to <paramref name="entities"/>, in the order people should see them.</summary>
        void DeclareEntities(EntityRegistry entities);
    }
}
