namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks this marker; the compiler emits a module initializer for any type of this
    // name, and every CLR (.NET Framework included) runs module initializers when the assembly loads.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute
    {
    }
}
