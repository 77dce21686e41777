using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Every type a user can meet from some starting types: their generic arguments, element types, base types and
    /// interfaces, and, for the module's own visible types, the types of their public and protected properties, fields,
    /// events, method and constructor parameters and returns, and their nested types, recursively. Each type comes with
    /// the path that first reached it, so a failure says where a type leaks.
    /// </summary>
    internal static class ReachableTypes
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        /// <param name="roots">The starting types, each with where it comes from (a cmdlet's parameter, say), to start its path.</param>
        /// <param name="isOwn">Whether a type's members are followed. Types of other libraries are only taken apart
        /// (generic arguments, element types), which is enough: .NET's own types cannot expose a package's types.</param>
        public static IReadOnlyDictionary<Type, string> From(IEnumerable<(Type Type, string From)> roots, Func<Type, bool> isOwn)
        {
            var reached = new Dictionary<Type, string>();
            var pending = new Queue<(Type Type, string Path)>();
            foreach (var (type, from) in roots)
            {
                pending.Enqueue((type, from + ": " + NameOf(type)));
            }

            while (pending.Count > 0)
            {
                var (type, path) = pending.Dequeue();
                if (type.IsGenericParameter || reached.ContainsKey(type))
                {
                    continue;
                }

                reached.Add(type, path);
                foreach (var (next, step) in Neighbours(type, isOwn))
                {
                    if (!reached.ContainsKey(next))
                    {
                        pending.Enqueue((next, path + " → " + step));
                    }
                }
            }

            return reached;
        }

        /// <summary>A readable name, with generic arguments: Dictionary&lt;String, JsonElement&gt;.</summary>
        public static string NameOf(Type type)
        {
            if (type.HasElementType)
            {
                var suffix = type.IsArray ? "[]" : type.IsByRef ? "&" : "*";
                return NameOf(type.GetElementType()!) + suffix;
            }

            if (!type.IsGenericType)
            {
                return type.Name;
            }

            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            return (tick < 0 ? name : name.Substring(0, tick)) + "<" + string.Join(", ", type.GetGenericArguments().Select(NameOf)) + ">";
        }

        private static IEnumerable<(Type Type, string Step)> Neighbours(Type type, Func<Type, bool> isOwn)
        {
            if (type.HasElementType)
            {
                yield return (type.GetElementType()!, NameOf(type.GetElementType()!));
                yield break;
            }

            if (type.IsGenericType)
            {
                if (!type.IsGenericTypeDefinition)
                {
                    yield return (type.GetGenericTypeDefinition(), NameOf(type.GetGenericTypeDefinition()));
                }

                foreach (var argument in type.GetGenericArguments())
                {
                    yield return (argument, NameOf(argument));
                }
            }

            if (!isOwn(type) || !type.IsVisible)
            {
                yield break;
            }

            if (type.BaseType != null)
            {
                yield return (type.BaseType, "base " + NameOf(type.BaseType));
            }

            foreach (var contract in type.GetInterfaces())
            {
                yield return (contract, "interface " + NameOf(contract));
            }

            foreach (var member in type.GetMembers(Declared).Where(Reachable))
            {
                foreach (var (memberType, what) in TypesOf(member))
                {
                    yield return (memberType, $"{NameOf(type)}.{member.Name}{what} {NameOf(memberType)}");
                }
            }
        }

        private static IEnumerable<(Type Type, string What)> TypesOf(MemberInfo member)
        {
            switch (member)
            {
                case PropertyInfo property:
                    yield return (property.PropertyType, string.Empty);
                    foreach (var index in property.GetIndexParameters())
                    {
                        yield return (index.ParameterType, $"[{index.Name}]");
                    }

                    break;
                case FieldInfo field:
                    yield return (field.FieldType, string.Empty);
                    break;
                case EventInfo handler:
                    yield return (handler.EventHandlerType!, string.Empty);
                    break;
                case MethodBase method:
                    if (method is MethodInfo returning)
                    {
                        yield return (returning.ReturnType, "() returns");
                    }

                    foreach (var parameter in method.GetParameters())
                    {
                        yield return (parameter.ParameterType, $"({parameter.Name})");
                    }

                    break;
                case Type nested:
                    yield return (nested, string.Empty);
                    break;
            }
        }

        /// <summary>What code outside the assembly can touch: public members, and protected ones (for a class it derives from).</summary>
        private static bool Reachable(MemberInfo member)
        {
            switch (member)
            {
                case PropertyInfo property:
                    return property.GetAccessors(nonPublic: true).Any(Outside);
                case EventInfo handler:
                    return handler.AddMethod != null && Outside(handler.AddMethod);
                case FieldInfo field:
                    return field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;
                case MethodInfo accessor when accessor.IsSpecialName && !accessor.Name.StartsWith("op_", StringComparison.Ordinal):
                    // A property's or event's get/set/add/remove: reached through the property or event.
                    return false;
                case MethodBase method:
                    return Outside(method);
                case Type nested:
                    return nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem;
                default:
                    return false;
            }
        }

        private static bool Outside(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
    }
}
