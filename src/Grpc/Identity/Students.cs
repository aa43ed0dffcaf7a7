using System.Text.RegularExpressions;
using Orleans;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Grains;
using PlugInnan.Grains.Identity;
using Grpc.Core;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Identity;

/// <summary>
/// Turns a <see cref="V1.StudentRef"/> into the pseudonymous student id (a civic number goes no
/// further than this), and finds the students a caller may reach: enrolled, at one of its schools.
/// A student at another school is answered as not found, so the API never tells whether a number exists.
/// </summary>
public sealed partial class Students(IGrainFactory grains, StudentPseudonym pseudonym, Auditor auditor)
{
    /// <summary>The student id a reference stands for, or a violation naming <paramref name="field"/>.</summary>
    public string IdOf(Violations violations, V1.StudentRef? student, string field)
    {
        ArgumentNullException.ThrowIfNull(violations);
        switch (student?.RefCase)
        {
            case V1.StudentRef.RefOneofCase.StudentId:
                violations.Require(StudentIdShape().IsMatch(student.StudentId), $"{field}.student_id", "must be a student id as EnrollStudent returned it (32 hex characters)");
                return student.StudentId;
            case V1.StudentRef.RefOneofCase.CivicNo:
                return IdOf(violations, student.CivicNo, $"{field}.civic_no", out _) ?? "";
            default:
                violations.Add(field, "is required: set student_id or civic_no");
                return "";
        }
    }

    /// <summary>The student id of a civic number, or a violation saying what is wrong with it (never the number itself).</summary>
    public string? IdOf(Violations violations, string civicNo, string field, out CivicNumberKind kind)
    {
        ArgumentNullException.ThrowIfNull(violations);
        kind = default;
        if (!CivicNumber.TryParse(civicNo, out var number, out var error))
        {
            violations.Add(field, error);
            return null;
        }

        kind = number!.Kind;
        return pseudonym.Derive(number);
    }

    /// <summary>
    /// The enrolments of the students, all of which the caller must reach; otherwise NOT_FOUND naming
    /// the fields (e.g. <c>records[3].student</c>) that referred to students it cannot reach.
    /// </summary>
    public async Task<Dictionary<string, Enrolment>> ReachableAsync(ServerCallContext context, IReadOnlyList<(string Id, string Field)> students)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(students);
        var caller = CallerInterceptor.Caller(context);
        var ids = students.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();
        var enrolments = await Task.WhenAll(ids.Select(id => ApiCalls.RunAsync(() => grains.GetGrain<IStudentGrain>(id).GetEnrolment())));
        var found = new Dictionary<string, Enrolment>(StringComparer.Ordinal);
        var elsewhere = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (enrolments[i] is not { } enrolment)
            {
                continue;
            }

            if (caller.MayReachStudentsOf(enrolment.SchoolUnitCode))
            {
                found[ids[i]] = enrolment;
            }
            else
            {
                elsewhere.Add(ids[i]);
            }
        }

        if (elsewhere.Count > 0)
        {
            await auditor.RefusedAsync(context, StatusCode.PermissionDenied, null, elsewhere);
        }

        var violations = new Violations();
        foreach (var (id, field) in students.Where(s => !found.ContainsKey(s.Id)))
        {
            violations.Add(field, "no such student is enrolled at a school this client acts for");
        }

        violations.ThrowIfAny(StatusCode.NotFound);
        return found;
    }

    /// <summary>The enrolment of one student the caller must reach.</summary>
    public async Task<Enrolment> ReachableAsync(ServerCallContext context, string studentId, string field = "student") =>
        (await ReachableAsync(context, [(studentId, field)]))[studentId];

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex StudentIdShape();
}
