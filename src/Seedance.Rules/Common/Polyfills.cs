// Language-feature shims for netstandard2.0, where the analyzer copy of this shared source is compiled.
#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
#endif
