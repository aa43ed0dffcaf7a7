// The pluginnan.v1 API driven by a client we did not write (@grpc/grpc-js), loading the .proto files
// from protos/ as any school system would.
// Usage: node api-client.mjs --port 50051 --key local-development-key --scenario main|validation
// Prints "PASS <step>" per step; exits 0 when every step passed, otherwise prints why and exits 1.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    key: { type: 'string' },
    scenario: { type: 'string', default: 'main' },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const protos = path.resolve(here, '../../protos');
const definition = protoLoader.loadSync(
  ['pluginnan/v1/student_service.proto', 'pluginnan/v1/school_service.proto', 'pluginnan/v1/subproject_service.proto', 'pluginnan/v1/follow_up_service.proto'],
  { includeDirs: [protos], keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true },
);
const v1 = grpc.loadPackageDefinition(definition).pluginnan.v1;
const address = `${args.host}:${args.port}`;
const credentials = grpc.credentials.createInsecure();
const services = {
  students: new v1.StudentService(address, credentials),
  schools: new v1.SchoolService(address, credentials),
  subprojects: new v1.SubprojectService(address, credentials),
  followUps: new v1.FollowUpService(address, credentials),
};

// google.rpc.Status and BadRequest, to read the details of a refused call.
const rpcRoot = new protobuf.Root();
rpcRoot.resolvePath = (_origin, target) => path.resolve(protos, target);
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
const RpcStatus = rpcRoot.lookupType('google.rpc.Status');
const BadRequest = rpcRoot.lookupType('google.rpc.BadRequest');

function metadata() {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${args.key}`);
  return m;
}

function call(service, method, request) {
  return new Promise((resolve, reject) => {
    services[service][method](request, metadata(), (error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** Expects the call to fail with the code; returns the fields its google.rpc.BadRequest names. */
async function refused(code, service, method, request) {
  try {
    await call(service, method, request);
  } catch (error) {
    assert.equal(error.code, code, `${method}: expected status ${code}, got ${error.code}: ${error.details}`);
    const details = error.metadata.get('grpc-status-details-bin')[0];
    if (!details) return [];
    const status = RpcStatus.decode(details);
    assert.equal(status.code, code);
    return status.details
      .filter((d) => d.type_url === 'type.googleapis.com/google.rpc.BadRequest')
      .flatMap((d) => BadRequest.decode(d.value).field_violations.map((v) => v.field));
  }
  assert.fail(`${method}: expected status ${code}, but the call succeeded`);
}

const today = new Date();
const date = (daysAgo) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
};

/** A valid personnummer for someone born 2012-03-DD, with its Luhn check digit. */
function civicNo() {
  const serial = Math.floor(Math.random() * 900) + 100;
  const day = String(Math.floor(Math.random() * 28) + 1).padStart(2, '0');
  const body = `1203${day}${serial}`;
  let sum = 0;
  [...body].forEach((c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return `2012${body.slice(2, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const school = '66666660';
const steps = [];
const step = (name, run) => steps.push([name, run]);

if (args.scenario === 'main') {
  const student = {};
  step('register a school', async () => {
    const response = await call('schools', 'RegisterSchool', {
      request_id: randomUUID(),
      school: { school_unit_code: school, name: 'Nodeskolan', municipality_code: '1442', municipality: 'Vara', organiser: 'Vara kommun' },
    });
    assert.equal(response.school.name, 'Nodeskolan');
  });
  step('enrol a student by personnummer', async () => {
    student.civicNo = civicNo();
    const response = await call('students', 'EnrollStudent', {
      request_id: randomUUID(), civic_no: student.civicNo, school_unit_code: school, year_level: 9,
      start_date: date(60), security_marking: 'SECURITY_MARKING_NONE',
    });
    assert.match(response.student_id, /^[0-9a-f]{32}$/);
    assert.equal(response.civic_no_kind, 'CIVIC_NUMBER_KIND_PERSONNUMMER');
    student.id = response.student_id;
  });
  step('record attendance', async () => {
    const lesson = (id, attended, invalid) => ({
      student: { student_id: student.id }, date: date(1), lesson_id: id,
      scheduled_minutes: 60, attended_minutes: attended, valid_absence_minutes: 0, invalid_absence_minutes: invalid,
    });
    const response = await call('students', 'RecordAttendance', { records: [lesson('MA-1', 0, 60), lesson('SV-1', 60, 0), lesson('EN-1', 60, 0)] });
    assert.deepEqual([response.records_applied, response.students], [3, 1]);
  });
  step('record grades', async () => {
    const grades = 'SV:C EN:C MA:F BI:E FY:E KE:E GE:E HI:E RE:E SH:E BL:E HKK:E IDH:E MU:E SL:E TK:E'.split(' ').map((p) => {
      const [subject, grade] = p.split(':');
      return { subject, grade, semester: 'SEMESTER_SPRING', year: today.getFullYear(), final: false, registered_on: { year: today.getFullYear(), month: 6, day: 10 } };
    });
    const response = await call('students', 'RecordGrades', { request_id: randomUUID(), student: { civic_no: student.civicNo }, grades });
    assert.equal(response.grades_applied, 16);
  });
  step('read the assessment with its reasons', async () => {
    const { student: profile } = await call('students', 'GetStudent', { student: { civic_no: student.civicNo } });
    assert.equal(profile.student_id, student.id);
    assert.equal(profile.risk.level, 'RISK_LEVEL_HIGH');
    assert.deepEqual(profile.risk.reasons.map((r) => r.indicator), ['absence_window', 'core_subject_grade:MA', 'vocational_eligibility_projection']);
    for (const reason of profile.risk.reasons) assert.ok(reason.explanation.length > 20, `a Swedish explanation for ${reason.indicator}`);
    assert.equal(profile.eligibility.vocational, false);
    assert.equal(profile.eligibility.programme_groups.length, 6);
    assert.ok(profile.eligibility.missing.includes('Godkänt betyg i matematik.'));
    assert.equal(profile.eligibility.merit_value, 15 + 15 + 0 + 13 * 10);
    assert.ok(Math.abs(profile.attendance.absence_rate_window - 1 / 3) < 1e-9);
  });
  step("list the school's students at high risk", async () => {
    const response = await call('students', 'ListStudents', { school_unit_code: school, risk_levels: ['RISK_LEVEL_HIGH'], page_size: 50 });
    assert.ok(response.students.some((s) => s.student_id === student.id && s.risk_level === 'RISK_LEVEL_HIGH'));
  });
  step("read a subproject's progress", async () => {
    const list = await call('subprojects', 'ListSubprojects', { page_size: 100 });
    assert.ok(list.subprojects.length >= 22);
    await call('subprojects', 'AddSchool', { request_id: randomUUID(), subproject_id: 'tanumskolan-tanum', school_name: 'Nodeskolan', school_unit_code: school });
    const progress = await call('subprojects', 'GetProgress', { subproject_id: 'tanumskolan-tanum' });
    assert.equal(progress.subproject_id, 'tanumskolan-tanum');
    assert.ok(progress.measures.length > 0);
    const nodeSchool = progress.schools.find((s) => s.school_unit_code === school);
    assert.equal(nodeSchool.students_per_risk_level.total.suppressed, true, 'fewer than 5 students: withheld');
  });
} else if (args.scenario === 'validation') {
  const someone = { student_id: '0'.repeat(32) };
  const cases = [
    ['students', 'EnrollStudent', { request_id: randomUUID(), civic_no: '19640823-3235', school_unit_code: '1234', year_level: 11, start_date: date(0) }, ['civic_no', 'school_unit_code', 'year_level', 'security_marking']],
    ['students', 'RecordAttendance', { records: [{ student: someone, date: date(0), lesson_id: 'MA-1', scheduled_minutes: 60, attended_minutes: 60, valid_absence_minutes: 10 }] }, ['records[0]']],
    ['students', 'RecordGrades', { request_id: randomUUID(), student: someone, grades: [{ subject: 'XX', grade: 'G', semester: 'SEMESTER_SPRING', year: 2026, registered_on: date(0) }] }, ['grades[0].subject', 'grades[0].grade']],
    ['students', 'RecordSubjectAlert', { request_id: randomUUID(), student: someone, subject: 'MA' }, ['raised_on']],
    ['students', 'RecordConnectedness', { request_id: randomUUID(), student: someone, date: date(0), behavioural: 0, academic: 3, cognitive: 3, affective: 6 }, ['behavioural', 'affective']],
    ['students', 'CreateIntervention', { request_id: randomUUID(), student: someone, description: 'x', owner: 'y', start_date: date(0), follow_up_date: date(1) }, ['level', 'area', 'follow_up_date']],
    ['students', 'UpdateIntervention', { request_id: randomUUID(), student: someone }, ['intervention_id']],
    ['students', 'RecordGuardianContact', { request_id: randomUUID(), student: someone, date: date(0) }, ['channel', 'reason', 'outcome']],
    ['students', 'OpenAbsenceInvestigation', { request_id: randomUUID(), student: someone }, ['opened_on']],
    ['students', 'ReportAbsenceInvestigation', { request_id: randomUUID(), student: someone, investigation_id: 'ai_1' }, ['reported_on']],
    ['students', 'CloseAbsenceInvestigation', { request_id: randomUUID(), student: someone, closed_on: date(0) }, ['investigation_id']],
    ['students', 'RecordHandover', { request_id: randomUUID(), student: someone, from_school_unit_code: '1', to_school_unit_code: '22222222', date: date(0) }, ['from_school_unit_code']],
    ['students', 'GetStudent', { student: { student_id: 'nope' } }, ['student.student_id']],
    ['students', 'ListStudents', { school_unit_code: school, page_size: 5000 }, ['page_size']],
    ['schools', 'RegisterSchool', { request_id: '', school: { school_unit_code: '6666666', name: 'x', municipality_code: '1442', municipality: 'Vara', organiser: 'Vara kommun' } }, ['request_id', 'school.school_unit_code']],
    ['schools', 'GetSchool', { school_unit_code: 'abc' }, ['school_unit_code']],
    ['schools', 'UpdateRoutines', { request_id: randomUUID(), school_unit_code: school }, ['routines']],
    ['schools', 'UpdateCalendar', { request_id: randomUUID(), school_unit_code: school, terms: [{ semester: 'SEMESTER_UNSPECIFIED', year: 2026, start: date(10), end: date(0) }] }, ['terms[0].semester']],
    ['schools', 'ListSchools', { page_token: 'not-a-token' }, ['page_token']],
    ['subprojects', 'ListSubprojects', { page_size: -1 }, ['page_size']],
    ['subprojects', 'GetSubproject', { subproject_id: 'Bad Id' }, ['subproject_id']],
    ['subprojects', 'CreateSubproject', { request_id: randomUUID(), subproject_id: 'x', name: '', municipality: 'Vara' }, ['subproject_id', 'name']],
    ['subprojects', 'AddSchool', { request_id: randomUUID(), subproject_id: 'alleskolan-vara', school_name: '', school_unit_code: '1' }, ['school_name', 'school_unit_code']],
    ['subprojects', 'UpdatePlan', { request_id: randomUUID(), subproject_id: 'alleskolan-vara', goals: [{ goal_id: 'g', description: 'd', measure: 'PROGRESS_MEASURE_UNSPECIFIED', target: 1 }] }, ['goals[0].measure']],
    ['subprojects', 'RecordBaseline', { request_id: '', subproject_id: 'alleskolan-vara' }, ['request_id']],
    ['subprojects', 'GetProgress', { subproject_id: '' }, ['subproject_id']],
    ['subprojects', 'ListDigests', { subproject_id: 'alleskolan-vara', page_token: 'x' }, ['page_token']],
    ['subprojects', 'RestateDigests', { request_id: randomUUID(), subproject_id: 'alleskolan-vara' }, ['since']],
    ['followUps', 'ListFollowUps', { school_unit_code: '1', role: 'RESPONSIBLE_ROLE_MENTOR', page_size: 2000 }, ['school_unit_code', 'page_size']],
    ['followUps', 'CompleteFollowUp', { request_id: randomUUID(), school_unit_code: school, follow_up_id: 'x' }, ['closed_by']],
    ['followUps', 'DismissFollowUp', { request_id: randomUUID(), school_unit_code: school, follow_up_id: '', closed_by: 'Rektor' }, ['follow_up_id', 'reason']],
  ];
  for (const [service, method, request, fields] of cases) {
    step(`${method} refuses bad input naming ${fields.join(', ')}`, async () => {
      assert.deepEqual(await refused(grpc.status.INVALID_ARGUMENT, service, method, request), fields);
    });
  }
  step('StreamAttendance refuses a bad message naming its record', async () => {
    const stream = await new Promise((resolve) => {
      const s = services.students.StreamAttendance(metadata(), (error, response) => resolve({ error, response }));
      s.write({ records: [{ student: someone, date: date(0), lesson_id: '', scheduled_minutes: 60, attended_minutes: 60 }] });
      s.end();
    });
    assert.equal(stream.error?.code, grpc.status.INVALID_ARGUMENT);
    assert.match(stream.error.details, /records\[0\]\.lesson_id/);
  });
  step('WatchFollowUps refuses a bad school unit code', async () => {
    const error = await new Promise((resolve) => {
      const stream = services.followUps.WatchFollowUps({ school_unit_code: 'nope' }, metadata());
      stream.on('data', () => {});
      stream.on('error', resolve);
      stream.on('end', () => resolve(null));
    });
    assert.equal(error?.code, grpc.status.INVALID_ARGUMENT);
    assert.match(error.details, /school_unit_code/);
  });
  step('a call without a key is unauthenticated', async () => {
    await new Promise((resolve, reject) => services.schools.ListSchools({}, new grpc.Metadata(), (error) => {
      try {
        assert.equal(error?.code, grpc.status.UNAUTHENTICATED);
        resolve();
      } catch (e) {
        reject(e);
      }
    }));
  });
} else {
  console.error(`unknown scenario ${args.scenario}`);
  process.exit(2);
}

let failed = 0;
for (const [name, run] of steps) {
  try {
    await run();
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

for (const client of Object.values(services)) client.close();
process.exit(failed === 0 ? 0 : 1);
