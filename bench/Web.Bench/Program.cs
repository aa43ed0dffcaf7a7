using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using PlugInnan.Grains;
using PlugInnan.Grains.Rules;
using PlugInnan.TestSupport;
using PlugInnan.Web.Bench;

// The region page's server time for a region of the programme's size (22 subprojects, 40 schools,
// 12,000 students): the region is written into the grains on SQLite, the silo restarted (every grain
// cold), and the page requested by a signed-in process leader who has every subproject: once cold,
// then alternately with the sign-in page (same layout and cookie, no grain read), the baseline. It
// then asks Orleans' management grain how many student grains are active: the page must read none.
var subprojects = Option("--subprojects", 22);
var schools = Option("--schools", 40);
var students = Option("--students", 12_000);
var renders = Option("--renders", 200);
const double Budget = 300;
Console.WriteLine($"Plug Innan region page: {Environment.ProcessorCount} cores, {subprojects} subprojects, {schools} schools, {students:N0} students, {renders} renders");

var folder = Directory.CreateTempSubdirectory("pluginnan-web-bench-").FullName;
var storage = Path.Combine(folder, "region.db");
var region = new SyntheticRegion(subprojects, schools, students);
await using (var setUp = await TestSilo.StartAsync(storage))
{
    var watch = Stopwatch.StartNew();
    await region.WriteAsync(setUp.GrainFactory, SwedishTime.Today(TimeProvider.System));
    Console.WriteLine($"set up in {watch.Elapsed.TotalSeconds:N1} s (through the grains, SQLite)");
}

var failures = 0;
await using (var silo = await TestSilo.StartAsync(storage))
await using (var host = await PageHost.StartAsync(silo.GrainFactory, silo.Services.GetRequiredService<SchoolClock>(), Path.Combine(folder, "keys")))
{
    using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
    await SignInAsync(client);

    var cold = await GetAsync(client, "/region");
    Console.WriteLine($"region page cold (first request after the restart: grains loaded from SQLite, the page's code compiled): {host.LastServerTime("/region"):N1} ms server time");
    failures += Check(cold);

    for (var i = 0; i < 20; i++)
    {
        await GetAsync(client, "/region");
        await GetAsync(client, "/logga-in");
    }

    var page = new List<double>();
    var baseline = new List<double>();
    for (var i = 0; i < renders; i++)
    {
        await GetAsync(client, "/region");
        page.Add(host.LastServerTime("/region"));
        await GetAsync(client, "/logga-in");
        baseline.Add(host.LastServerTime("/logga-in"));
    }

    var median = Percentile(page, 0.5);
    Console.WriteLine($"region page warm: median {median:N2} ms, p95 {Percentile(page, 0.95):N2} ms, max {page.Max():N2} ms server time");
    Console.WriteLine($"sign-in page (baseline: same layout, no grain read): median {Percentile(baseline, 0.5):N2} ms");
    Console.WriteLine($"ratios: region / sign-in page {median / Percentile(baseline, 0.5):N1}; region p95 / {Budget:N0} ms aim {Percentile(page, 0.95) / Budget:N3}");

    var management = silo.GrainFactory.GetGrain<IManagementGrain>(0);
    var read = await StudentActivationsAsync(management);
    Console.WriteLine($"student grains active after {renders + 21} region pages: {read}");
    failures += read == 0 ? 0 : 1;

    // The count's own control: one student read shows up in it.
    await silo.GrainFactory.GetGrain<IStudentGrain>("bench-00000000").GetEnrolment();
    var control = await StudentActivationsAsync(management);
    Console.WriteLine($"control, after reading one student directly: {control}");
    failures += control == 1 ? 0 : 1;
}

Directory.Delete(folder, recursive: true);
Console.WriteLine(failures == 0 ? "all checks held" : $"{failures} check(s) failed");
return failures == 0 ? 0 : 1;

// The page lists every subproject, and its students add up to the region's.
int Check(string html)
{
    var rows = Regex.Matches(html, """<a href="/delprojekt/[^"]+">[^<]+</a></th>\s*<td>\d+</td>\s*<td>([^<]+)</td>""");
    var total = rows.Sum(r => int.Parse(Regex.Replace(r.Groups[1].Value, @"\D", ""), CultureInfo.InvariantCulture));
    Console.WriteLine($"the page shows {rows.Count} subprojects with {total:N0} students");
    return rows.Count == subprojects && total == students ? 0 : 1;
}

async Task SignInAsync(HttpClient client)
{
    var form = await GetAsync(client, "/logga-in");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync(new Uri("/logga-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Name"] = PageHost.Account,
        ["Key"] = PageHost.Key,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
    }
}

static async Task<string> GetAsync(HttpClient client, string path)
{
    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
    }

    return await response.Content.ReadAsStringAsync();
}

static async Task<int> StudentActivationsAsync(IManagementGrain management) =>
    (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("StudentGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}

static int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
