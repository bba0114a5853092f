using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Scriban;
using Scriban.Runtime;

namespace Seedance.Generators.Generator;

public sealed partial class SeedanceClientGenerator
{
    /// <summary>Renders the models with the Scriban templates embedded in this assembly.</summary>
    internal static class Emitter
    {
        private static readonly string Version = typeof(SeedanceClientGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        // Parsed once per process: templates never change while the compiler runs.
        private static readonly Lazy<Template> s_request = new(() => Load("RequestRecord.sbncs"), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<Template> s_table = new(() => Load("ModelTable.sbncs"), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<Template> s_client = new(() => Load("Client.sbncs"), LazyThreadSafetyMode.ExecutionAndPublication);

        public static void EmitNamespace(SourceProductionContext context, NamespaceModel model)
        {
            var prefix = HintPrefix(model.Namespace);
            foreach (var request in model.Requests)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var text = Render(s_request.Value, context.CancellationToken, new Dictionary<string, object?>
                {
                    ["namespace"] = model.Namespace,
                    ["qualifier"] = model.Qualifier,
                    ["accessibility"] = model.Accessibility,
                    ["request"] = request,
                });
                context.AddSource($"{prefix}{request.TypeName}.g.cs", SourceText.From(text, Encoding.UTF8));
            }
            var table = Render(s_table.Value, context.CancellationToken, new Dictionary<string, object?>
            {
                ["namespace"] = model.Namespace,
                ["constants"] = model.Constants,
                ["matrix_literal"] = model.MatrixJsonLiteral,
            });
            context.AddSource($"{prefix}SeedanceModelTable.g.cs", SourceText.From(table, Encoding.UTF8));
        }

        public static void EmitClient(SourceProductionContext context, ClientModel model)
        {
            var text = Render(s_client.Value, context.CancellationToken, new Dictionary<string, object?> { ["client"] = model });
            context.AddSource($"{HintPrefix(model.Namespace)}{model.ClassName}.g.cs", SourceText.From(text, Encoding.UTF8));
        }

        // One context per thread, reused: a TemplateContext caches the reflection over each model type it
        // renders (Scriban's member accessors), which a fresh context per file rebuilt every time, the bulk of
        // a cold run. Render() empties its output; the globals are pushed and popped around each render.
        [ThreadStatic]
        private static TemplateContext? t_context;

        internal static string Render(Template template, CancellationToken cancellationToken, Dictionary<string, object?> values)
        {
            var globals = new ScriptObject();
            foreach (var pair in values) globals.SetValue(pair.Key, pair.Value, readOnly: true);
            globals.SetValue("version", Version, readOnly: true);
            // An empty builtin object: the templates call no Scriban function, and the default one registers
            // every builtin by reflection (about 40 ms of a build without the compiler server).
            var context = t_context ?? new TemplateContext(new ScriptObject())
            {
                // Templates name the models' members as they are declared (request.TypeName).
                MemberRenamer = static member => member.Name,
                StrictVariables = true,
                LoopLimit = 0,
                NewLine = "\n",
            };
            // Taken while in use: a render that throws leaves no half-used context behind.
            t_context = null;
            context.CancellationToken = cancellationToken;
            context.PushGlobal(globals);
            var text = template.Render(context);
            context.PopGlobal();
            context.CancellationToken = default;
            t_context = context;
            return text;
        }

        private static string HintPrefix(string ns) => ns.Length == 0 ? string.Empty : ns + ".";

        private static Template Load(string name)
        {
            using var stream = typeof(SeedanceClientGenerator).Assembly.GetManifestResourceStream("Seedance.Generators.Templates." + name)
                ?? throw new InvalidOperationException($"Template {name} is missing from the generator assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var template = Template.Parse(reader.ReadToEnd(), name);
            if (template.HasErrors) throw new InvalidOperationException($"Template {name} has errors: {string.Join("; ", template.Messages)}");
            return template;
        }
    }
}
