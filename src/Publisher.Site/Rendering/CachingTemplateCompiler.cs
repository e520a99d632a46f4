using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace Publisher.Site.Rendering;

/// <summary>
/// RazorLight's template compiler that first looks in a <see cref="TemplateAssemblyCache"/>: on a hit neither the
/// Razor code generator nor Roslyn runs (neither is even loaded); on a miss RazorLight compiles as usual, with its own
/// options and error messages, and its pre-compile callback stores the result.
/// </summary>
internal sealed class CachingTemplateCompiler(
    RazorSourceGenerator sourceGenerator,
    ICompilationService compilationService,
    RazorLightProject project,
    RazorLightOptions options,
    TemplateAssemblyCache cache)
    : RazorTemplateCompiler(sourceGenerator, compilationService, project, options)
{
    /// <inheritdoc />
    protected override Task<CompiledTemplateDescriptor> CompileAndEmitAsync(RazorLightProjectItem projectItem)
    {
        if (cache.TryLoad(cache.KeyOf(projectItem)) is not { } assembly)
        {
            return base.CompileAndEmitAsync(projectItem);
        }

        // The descriptor RazorLight 2.3.1 makes from an assembly it has just compiled.
        return Task.FromResult(new CompiledTemplateDescriptor
        {
            Item = new RazorCompiledItemLoader().LoadItems(assembly).SingleOrDefault(),
            TemplateKey = projectItem.Key,
            TemplateAttribute = assembly.GetCustomAttribute<RazorLightTemplateAttribute>(),
        });
    }
}
