using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>Student records and profiles from the domain to the API.</summary>
internal static class StudentMapping
{
    public static V1.StudentProfile ToApi(StudentProfile profile)
    {
        var result = new V1.StudentProfile
        {
            StudentId = profile.StudentId,
            AsOf = Dates.ToProto(profile.AsOf),
            Enrolment = profile.Enrolment is { } e ? ToApi(e) : null,
            Attendance = new V1.Attendance
            {
                AbsenceRateWindow = profile.Attendance.WindowRate,
                AbsenceRateTerm = profile.Attendance.TermRate,
                InvalidAbsenceMinutesTerm = profile.Attendance.InvalidMinutesInTerm,
                ConsecutiveDaysWithAbsence = profile.Attendance.ConsecutiveDaysWithAbsence,
                AbsentSince = Dates.ToProto(profile.Attendance.AbsentSince),
            },
            Eligibility = new V1.Eligibility
            {
                Vocational = profile.Eligibility.Vocational,
                ProgrammeOrientedIntroduction = profile.Eligibility.ProgrammeOrientedIntroduction,
                MeritValue = profile.MeritValue,
            },
            Risk = new V1.Risk { Level = Enums.ToApi(profile.Risk.Level) },
            LatestCheckIn = profile.LatestCheckIn is { } c ? ToApi(c) : null,
        };
        result.Eligibility.ProgrammeGroups.AddRange(profile.Eligibility.ProgrammeGroups.OrderBy(g => g.Key)
            .Select(g => new V1.ProgrammeGroupEligibility { Group = Enums.ToApi(g.Key), Eligible = g.Value }));
        result.Eligibility.Missing.AddRange(profile.Eligibility.Missing.Select(SwedishTexts.Explain));
        result.Risk.Reasons.AddRange(profile.Risk.Reasons.Select(r => new V1.RiskReason
        {
            Indicator = r.Indicator,
            Value = r.Value,
            Threshold = r.Threshold,
            Since = Dates.ToProto(r.Since),
            Level = Enums.ToApi(r.Level),
            Explanation = SwedishTexts.Explain(r),
        }));
        result.CurrentGrades.AddRange(profile.CurrentGrades.Select(g => new V1.Grade
        {
            Subject = g.Subject,
            Semester = Enums.ToApi<Semester, V1.Semester>(g.Term.Semester),
            Year = g.Term.Year,
            Grade_ = g.Grade,
            Final = g.IsFinal,
            RegisteredOn = Dates.ToProto(g.RegisteredOn),
        }));
        result.OpenAlerts.AddRange(profile.OpenAlerts.Select(a => new V1.SubjectAlert { Subject = a.Subject, RaisedOn = Dates.ToProto(a.RaisedOn) }));
        result.Interventions.AddRange(profile.Interventions.Select(ToApi));
        result.GuardianContacts.AddRange(profile.GuardianContacts.Select(ToApi));
        result.AbsenceInvestigations.AddRange(profile.AbsenceInvestigations.Select(ToApi));
        result.Handovers.AddRange(profile.Handovers.Select(ToApi));
        return result;
    }

    public static V1.Enrolment ToApi(Enrolment enrolment) => new()
    {
        SchoolUnitCode = enrolment.SchoolUnitCode,
        YearLevel = enrolment.YearLevel,
        ClassName = enrolment.ClassName ?? "",
        Mentor = enrolment.Mentor ?? "",
        StartDate = Dates.ToProto(enrolment.StartDate),
        EndDate = Dates.ToProto(enrolment.EndDate),
        SecurityMarking = Enums.ToApi(enrolment.SecurityMarking),
        TemporaryIdentity = enrolment.TemporaryIdentity,
    };

    public static V1.ConnectednessCheckIn ToApi(ConnectednessCheckIn checkIn) => new()
    {
        Date = Dates.ToProto(checkIn.Date),
        Behavioural = checkIn.Behavioural,
        Academic = checkIn.Academic,
        Cognitive = checkIn.Cognitive,
        Affective = checkIn.Affective,
    };

    public static V1.Intervention ToApi(Intervention intervention)
    {
        var result = new V1.Intervention
        {
            InterventionId = intervention.Id,
            Level = Enums.ToApi<PreventionLevel, V1.PreventionLevel>(intervention.Level),
            Area = Enums.ToApi<DevelopmentArea, V1.DevelopmentArea>(intervention.Area),
            Description = intervention.Description,
            Owner = intervention.Owner,
            StartDate = Dates.ToProto(intervention.StartDate),
            FollowUpDate = Dates.ToProto(intervention.FollowUpDate),
            Status = Enums.ToApi<InterventionStatus, V1.InterventionStatus>(intervention.Status),
            Evaluation = intervention.Evaluation is { } e ? Enums.ToApi<InterventionEvaluation, V1.InterventionEvaluation>(e) : V1.InterventionEvaluation.Unspecified,
        };
        result.SuccessFactors.AddRange(intervention.SuccessFactors.Select(Enums.ToApi<SuccessFactor, V1.SuccessFactor>));
        return result;
    }

    public static V1.GuardianContact ToApi(GuardianContact contact) => new()
    {
        ContactId = contact.Id,
        Date = Dates.ToProto(contact.Date),
        Channel = Enums.ToApi<ContactChannel, V1.ContactChannel>(contact.Channel),
        Reason = Enums.ToApi<ContactReason, V1.ContactReason>(contact.Reason),
        Outcome = Enums.ToApi<ContactOutcome, V1.ContactOutcome>(contact.Outcome),
    };

    public static V1.AbsenceInvestigation ToApi(AbsenceInvestigation investigation)
    {
        var result = new V1.AbsenceInvestigation
        {
            InvestigationId = investigation.Id,
            OpenedOn = Dates.ToProto(investigation.OpenedOn),
            ReportedToOrganiserOn = Dates.ToProto(investigation.ReportedToOrganiserOn),
            ClosedOn = Dates.ToProto(investigation.ClosedOn),
        };
        result.Participants.AddRange(Enums.FromFlags<InvestigationParticipants, V1.InvestigationParticipant>(investigation.Participants));
        return result;
    }

    public static V1.Handover ToApi(Handover handover)
    {
        var result = new V1.Handover
        {
            HandoverId = handover.Id,
            FromSchoolUnitCode = handover.FromSchoolUnitCode,
            ToSchoolUnitCode = handover.ToSchoolUnitCode,
            Date = Dates.ToProto(handover.Date),
        };
        result.PassedOn.AddRange(Enums.FromFlags<HandoverContent, V1.HandoverItem>(handover.PassedOn));
        return result;
    }

    public static V1.StudentSummary ToApi(StudentSummary summary)
    {
        var result = new V1.StudentSummary
        {
            StudentId = summary.StudentId,
            YearLevel = summary.YearLevel,
            RiskLevel = Enums.ToApi(summary.Risk),
            SecurityMarking = Enums.ToApi(summary.SecurityMarking),
            AbsenceRateTerm = summary.Term.Scheduled == 0 ? 0 : (double)summary.Term.Absent / summary.Term.Scheduled,
            OpenItems = summary.OpenItems.Count,
            UnnotifiedInvalidAbsenceOn = Dates.ToProto(summary.UnnotifiedInvalidAbsenceOn),
        };
        if (summary.Projection is { } projection)
        {
            result.ProjectedVocational = projection.Vocational;
        }

        result.Indicators.AddRange(summary.Reasons.Select(r => r.Indicator).Distinct());
        return result;
    }
}
