using System.Linq.Expressions;
using System.Reflection;

namespace PlugInnan.Runtime.Core;

/// <summary>Calls one grain interface method; compiled once per method, used by every reference.</summary>
internal abstract class MethodInvoker(MethodInfo method, CallFlags flags)
{
    public MethodInfo Method { get; } = method;

    public CallFlags Flags { get; } = flags;

    public string Name => Method.Name;

    /// <summary>The proxy's entry point: returns the Task (or Task&lt;T&gt;) the interface method declares.</summary>
    public abstract object Call(GrainProxy target, object?[] arguments);

    public static MethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        Type resultType;
        if (returnType == typeof(Task))
        {
            resultType = typeof(NoResult);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            resultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException(
                $"{method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain methods return Task or Task<T>.");
        }

        if (method.IsGenericMethodDefinition || method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException(
                $"{method.DeclaringType?.Name}.{method.Name}: grain methods take neither type parameters nor ref/out parameters.");
        }

        var flags = CallFlags.None;
        if (method.IsDefined(typeof(ReadOnlyAttribute)))
        {
            flags |= CallFlags.ReadOnly;
        }

        if (method.IsDefined(typeof(AlwaysInterleaveAttribute)))
        {
            flags |= CallFlags.AlwaysInterleave;
        }

        var invokerType = typeof(MethodInvoker<>).MakeGenericType(resultType);
        return (MethodInvoker)Activator.CreateInstance(invokerType, method, flags, Compile(method))!;
    }

    /// <summary>Builds <c>(grain, args) =&gt; ((IFace)grain).Method((T0)args[0], …)</c>.</summary>
    private static Func<object, object?[], Task> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[], Task>>(call, grain, arguments).Compile();
    }

    /// <summary>Stands for the result of methods that return a plain Task.</summary>
    internal readonly struct NoResult;
}

internal sealed class MethodInvoker<TResult>(MethodInfo method, CallFlags flags, Func<object, object?[], Task> body)
    : MethodInvoker(method, flags)
{
    private static readonly bool ReturnsValue = typeof(TResult) != typeof(NoResult);

    public override object Call(GrainProxy target, object?[] arguments)
    {
        var runtime = target.Runtime;
        GrainActivation activation;
        try
        {
            activation = runtime.GetActivation(target);
        }
        catch (Exception e)
        {
            return FromException(e);
        }

        var started = runtime.Metrics.CallStarted(target.Id.Type);

        // Fast path: an idle activation runs the call on the caller's thread, as one uninterrupted
        // turn when the grain completes synchronously. Otherwise the call waits in the activation's queue.
        if (activation.TryEnterInline(Flags))
        {
            var task = activation.RunInline(this, arguments);
            if (task.IsCompleted)
            {
                activation.ExitInline(Flags, completed: true);
                runtime.Metrics.CallEnded(started);
                return task;
            }

            var pending = new MethodCall<TResult>(this, arguments, target, started) { Activation = activation };
            activation.ExitInline(Flags, completed: false);
            GrainActivation.TrackCompletion(pending, task);
            return pending.Task;
        }

        var call = new MethodCall<TResult>(this, arguments, target, started);
        runtime.Dispatch(activation, target.Id, target.GrainClass, call);
        return call.Task;
    }

    /// <summary>Runs the grain method; a synchronous throw becomes a faulted task of the declared type.</summary>
    public Task StartSafely(object grain, object?[] arguments)
    {
        try
        {
            return body(grain, arguments)
                ?? throw new InvalidOperationException($"{Method.DeclaringType?.Name}.{Name} returned null instead of a Task.");
        }
        catch (Exception e)
        {
            return FromException(e);
        }
    }

    private static Task FromException(Exception e) =>
        ReturnsValue ? Task.FromException<TResult>(e) : Task.FromException(e);
}
