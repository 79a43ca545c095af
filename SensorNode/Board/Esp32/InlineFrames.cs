namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Works around a nanoCLR bug (nf-interpreter <c>CLR_RT_StackFrame::PushInline</c>; IL inlining is on in the ESP32
    /// firmware): an instance method inlined into its caller takes the caller's evaluation-stack slot just above its
    /// arguments, uncleared, as the first slot of its own stack, and the garbage collector marks that slot as a live
    /// reference for as long as the inlined call runs. A call that waits long (Socket.Accept, the main loop's wait)
    /// from a frame whose slot last held a reference since collected makes every collection mark memory that has
    /// become something else: the virtual ESP32's crash with the web page on (docs/setup.md, "On the device"; docs/nanoframework.md, 19).
    /// A static method (nanoCLR never inlines one) that calls <see cref="ClearFirstSlots"/> right before such a call
    /// leaves numbers in those slots.
    /// </summary>
    public static class InlineFrames
    {
        /// <summary>Does nothing: its arguments overwrite the calling frame's first three stack slots with numbers.</summary>
        public static void ClearFirstSlots(int first, int second, int third)
        {
        }
    }
}
