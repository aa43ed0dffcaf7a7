using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace PlugInnan.Grpc;

/// <summary>The proto files behind the registered services, by file name and by every symbol they define.</summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> bySymbol = new(StringComparer.Ordinal);

    public ReflectionIndex(IEnumerable<ServiceDescriptor> services)
    {
        var list = services.ToList();
        ServiceNames = [.. list.Select(s => s.FullName).Distinct().Order(StringComparer.Ordinal)];
        foreach (var file in list.SelectMany(s => WithDependencies(s.File)))
        {
            if (!byName.TryAdd(file.Name, file))
            {
                continue;
            }

            foreach (var service in file.Services)
            {
                bySymbol.TryAdd(service.FullName, file);
                foreach (var method in service.Methods)
                {
                    bySymbol.TryAdd($"{service.FullName}.{method.Name}", file);
                }
            }

            foreach (var message in file.MessageTypes)
            {
                AddMessage(message, file);
            }

            foreach (var enumType in file.EnumTypes)
            {
                bySymbol.TryAdd(enumType.FullName, file);
            }
        }
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? ByFileName(string name) => byName.GetValueOrDefault(name);

    public FileDescriptor? BySymbol(string symbol) => bySymbol.GetValueOrDefault(symbol.TrimStart('.'));

    /// <summary>A file and every file it imports, transitively, the file itself first.</summary>
    public static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>([file]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next.Name))
            {
                yield return next;
                foreach (var dependency in next.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        bySymbol.TryAdd(message.FullName, file);
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            bySymbol.TryAdd(enumType.FullName, file);
        }
    }
}
