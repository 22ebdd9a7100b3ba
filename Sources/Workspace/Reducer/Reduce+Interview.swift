import DesignModel
import Foundation
import Interview

extension Workspace {
    /// Interview keys: start/pause, next/previous phase, a minute more, the briefing, the summary.
    static func interviewCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect] {
        guard state.interview != nil else {
            state.message = StatusMessage("No interview in this design — start one with `sysdraft interview FILE`", .info)
            return []
        }
        let now = env.monotonic()
        switch command {
        case .interviewToggle: return interviewInput(&state, .togglePause, now)
        case .interviewNext:
            if let s = state.interview, s.clock != .finished, s.currentPhaseIndex == s.plan.phases.count - 1 {
                state.overlays.append(.confirm(confirmFinish(s)))
                return []
            }
            return interviewInput(&state, .nextPhase, now)
        case .interviewPrevious: return interviewInput(&state, .previousPhase, now)
        case .interviewAddMinute:
            let effects = interviewInput(&state, .extend(seconds: 60), now)
            state.message = StatusMessage("One more minute for this phase", .info)
            return effects
        case .interviewInfo:
            guard let session = state.interview, let phase = session.currentPhase else {
                state.message = StatusMessage("The interview is over — :summary shows how it went", .info)
                return []
            }
            let briefing = PhaseBriefing(phase: phase, problem: state.interviewProblem)
            var lines = [briefing.goal, ""]
            for section in briefing.sections {
                lines.append(section.heading)
                lines += section.lines.map { "  • " + $0 }
                lines.append("")
            }
            state.overlays.append(.info(title: "Phase \(session.currentPhaseIndex + 1): \(briefing.title)", lines: lines, scroll: 0))
        case .interviewSummary:
            state.overlays.append(.summary(scroll: 0))
        case .interviewerCard:
            state.overlays.append(.interviewer(scroll: 0))
        default:
            break
        }
        return []
    }

    /// Feeds the interview clock and reacts to what it reports: copies the timing log into the
    /// design, rings the bell once at each boundary, opens the summary when it ends.
    static func interviewInput(_ state: inout AppState, _ input: InterviewInput, _ now: Duration) -> [Effect] {
        guard var session = state.interview else { return [] }
        let events = session.send(input, at: now)
        let curveball = session.checkCurveball()
        state.interview = session
        state.interviewNow = now
        var effects: [Effect] = []
        for event in events {
            switch event {
            case .phaseWarning:
                state.message = StatusMessage("80 % of this phase used", .info)
            case .phaseTimeUp:
                state.message = StatusMessage("Time is up for \(session.status(at: now).phase?.title ?? "this phase") — ] moves on, + adds a minute", .error)
            case .interviewTimeUp:
                state.message = StatusMessage("The interview's time is up", .error)
            case .phaseChanged(_, let to):
                if let phase = session.plan.phases.indices.contains(to) ? session.plan.phases[to] : nil {
                    state.message = StatusMessage("Phase \(to + 1): \(phase.title) — \(phase.goal)", .info)
                }
            case .started:
                state.message = StatusMessage("Clock running — t pauses, i shows the phase's prompts, I the interviewer", .info)
                interviewStarted(&state)
            case .finished:
                state.overlays.append(.summary(scroll: 0))
                effects += interviewFinished(&state)
            }
            if event.alertsUser && !state.quiet { effects.append(.bell) }
        }
        if let curveball {
            curveballGiven(&state, curveball)
            if !state.quiet { effects.append(.bell) }
        }
        // The timing log (and what the coach added to it) goes into the design, outside undo.
        if let record = state.interview?.record(at: now), state.design.interview != record { state.design.interview = record }
        return effects
    }

    /// The self-assessment form: 1–4 per dimension, each with a line of evidence, and a note.
    static func assessmentForm(_ record: InterviewRecord) -> Form {
        let choices = ["—"] + InterviewRecord.scoreRange.map { "\($0) " + SelfAssessment.label($0) }
        var fields: [Form.Field] = []
        for d in InterviewRecord.Dimension.allCases {
            fields.append(Form.Field(d.rawValue, d.title, choices: choices, selected: record.scores[d.rawValue] ?? 0))
            fields.append(Form.Field("evidence." + d.rawValue, "  evidence", text: record.evidence[d.rawValue] ?? ""))
        }
        fields.append(.init("note", "Note", text: record.assessmentNote))
        return Form(title: "Self-assessment", target: .assessment, fields: fields)
    }

    static func applyAssessment(_ state: inout AppState, _ form: Form) -> [Effect] {
        guard var session = state.interview else { return [] }
        do {
            for d in InterviewRecord.Dimension.allCases {
                let v = form.choice(d.rawValue)
                try session.setScore(d, v == 0 ? nil : v)
            }
        } catch {
            var f = form
            f.error = "\(error)"
            state.overlays.append(.form(f))
            return []
        }
        for d in InterviewRecord.Dimension.allCases { session.setEvidence(d, form.text("evidence." + d.rawValue)) }
        session.setAssessmentNote(form.text("note"))
        state.interview = session
        state.design.interview = session.record(at: state.interviewNow)
        state.message = StatusMessage("Self-assessment kept — Ctrl-S saves it with the design", .success)
        return session.clock == .finished ? practiceEffect(state) : []
    }

    /// Lines of the summary overlay.
    public static func summaryLines(_ state: AppState) -> [String] {
        guard let session = state.interview else { return ["No interview in this design."] }
        let record = session.record(at: state.interviewNow)
        let summary = InterviewSummary(record: record, design: state.design, catalogue: state.catalogue)
        var lines: [String] = ["\(summary.planTitle)" + (summary.problem.map { " · \($0)" } ?? "")
            + (summary.finished ? " · finished" : " · in progress"), ""]
        // Same columns and totals as the report's timing log.
        func extra(_ s: Int) -> String { s > 0 ? "+" + TimeFormat.clock(s) : "—" }
        func over(_ s: Int) -> String { s > 0 ? TimeFormat.clock(s) : "—" }
        lines.append("Phase                      Planned   Extra   Actual    Over")
        for row in summary.phases {
            let title = row.title.count > 24 ? String(row.title.prefix(23)) + "…" : row.title
            lines.append(title.padding(toLength: 25, withPad: " ", startingAt: 0)
                + TimeFormat.clock(row.plannedSeconds).leftPad(9) + extra(row.extraSeconds).leftPad(8)
                + TimeFormat.clock(row.actualSeconds).leftPad(9) + over(row.overrunSeconds).leftPad(8))
        }
        lines.append("Total".padding(toLength: 25, withPad: " ", startingAt: 0)
            + TimeFormat.clock(summary.totalPlannedSeconds).leftPad(9) + extra(summary.totalExtraSeconds).leftPad(8)
            + TimeFormat.clock(summary.totalActualSeconds).leftPad(9) + over(summary.totalOverrunSeconds).leftPad(8))
        lines.append("Over: per phase against its planned time (extra minutes do not excuse it); the total")
        lines.append("against the whole plan, so time saved in one phase offsets another.")
        if summary.pauses > 0 { lines.append("Paused \(summary.pauses)× for \(TimeFormat.clock(summary.pausedSeconds))") }
        lines += coachLines(state, record)
        lines += ["", "Checklist coverage"]
        for row in summary.coverage {
            let bar = String(repeating: "█", count: Int((row.fraction * 10).rounded()))
                .padding(toLength: 10, withPad: "░", startingAt: 0)
            lines.append("  \(String(row.stage.number).leftPad(2)) \(row.title.padding(toLength: 30, withPad: " ", startingAt: 0)) \(bar) \(row.progress.done)/\(row.progress.total)")
        }
        lines += ["", "Self-assessment (a to fill in)"]
        let labelWidth = (InterviewRecord.Dimension.allCases.map(\.title.count).max() ?? 0) + 2
        for d in InterviewRecord.Dimension.allCases {
            let score = record.scores[d.rawValue].map { "\($0)/4 " + SelfAssessment.label($0) } ?? "—"
            lines.append("  " + d.title.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + score)
        }
        for d in InterviewRecord.Dimension.allCases {
            if let e = record.evidence[d.rawValue], !e.isEmpty, let i = lines.lastIndex(where: { $0.hasPrefix("  " + d.title) }) {
                lines.insert("      evidence: " + e, at: i + 1)
            }
        }
        if !record.assessmentNote.isEmpty { lines.append("  Note: " + record.assessmentNote) }
        if !summary.observations.isEmpty {
            lines += ["", "Observations"]
            lines += summary.observations.map { "  • " + $0 }
        }
        return lines
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
