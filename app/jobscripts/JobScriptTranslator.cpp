// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/JobScriptTranslator.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobScriptTranslator)
};

// Output patterns: Slurm's %j/%A/%a, LSF's %J/%I; PBS and Grid Engine have none in directives.
QString translatePattern(const QString &path, Profile::Scheduler from, Profile::Scheduler to, QStringList *notes)
{
    if (from == to || !path.contains(u'%'))
        return path;
    QString result = path;
    if (from == Profile::Scheduler::Slurm && to == Profile::Scheduler::Lsf) {
        result.replace(QStringLiteral("%j"), QStringLiteral("%J"));
        result.replace(QStringLiteral("%A"), QStringLiteral("%J"));
        result.replace(QStringLiteral("%a"), QStringLiteral("%I"));
    } else if (from == Profile::Scheduler::Lsf && to == Profile::Scheduler::Slurm) {
        result.replace(QStringLiteral("%J"), QStringLiteral("%j"));
        result.replace(QStringLiteral("%I"), QStringLiteral("%a"));
    }
    if (result.contains(u'%') && to != Profile::Scheduler::Slurm && to != Profile::Scheduler::Lsf) {
        notes->append(Tr::tr("Output path \"%1\": %2 does not expand %-patterns in file names; adjust it by hand.")
                          .arg(path, Profile::schedulerName(to)));
    }
    return result;
}

// Equal in meaning: "1:00:00" and "01:00:00", "1024M" and "1G".
bool sameValue(JobField field, const QString &a, const QString &b)
{
    if (field == JobField::TimeLimit)
        return units::parseDurationSeconds(a) == units::parseDurationSeconds(b);
    if (field == JobField::Memory || field == JobField::MemoryPerCpu)
        return units::parseMemory(a, units::MiB) == units::parseMemory(b, units::MiB);
    return a == b;
}

} // namespace

Translation JobScriptTranslator::translate(const JobScript &source, Profile::Scheduler target)
{
    Translation translation;
    const auto targetDialect = ScriptDialect::create(target);
    if (!targetDialect || target == source.scheduler()) {
        translation.script = source;
        return translation;
    }
    const ScriptDialect &from = source.dialect();
    const QString targetName = Profile::schedulerName(target);

    // Directives the translator does not understand stay, as comments, where they were.
    QString body;
    bool directivesPlaced = false;
    const QString directivesMark = QStringLiteral("\x01directives\x01");
    const QHash<QString, QString> fromVariables = from.variables();
    const QHash<QString, QString> toVariables = targetDialect->variables();
    QStringList unknownVariables;
    for (const JobScript::Line &line : source.lines()) {
        QString text = line.text;
        switch (line.kind) {
        case JobScript::LineKind::Directive: {
            if (!directivesPlaced) {
                body += directivesMark + line.ending;
                directivesPlaced = true;
            }
            bool understood = true;
            const QList<FieldSpot> spots = from.spots(text);
            for (const DirectiveOption &option : from.options(text)) {
                const bool covered = std::ranges::any_of(spots, [&](const FieldSpot &spot) {
                    return spot.valueStart >= option.start && spot.valueEnd <= std::max(option.end, option.valueEnd);
                });
                if (!covered)
                    understood = false;
            }
            if (!understood) {
                translation.notes.append(Tr::tr("\"%1\": not translated (kept as a comment).").arg(text.trimmed()));
                body += QStringLiteral("# ") + text + line.ending;
            }
            continue;
        }
        case JobScript::LineKind::IgnoredDirective: body += QStringLiteral("# ") + text + line.ending; continue;
        default: break;
        }
        // Older spellings first, then the scheduler's variables by meaning.
        if (source.scheduler() == Profile::Scheduler::Slurm) {
            static const QRegularExpression jobId(QStringLiteral("\\$(\\{)?SLURM_JOBID\\b"));
            static const QRegularExpression nodeList(QStringLiteral("\\$(\\{)?SLURM_NODELIST\\b"));
            text.replace(jobId, QStringLiteral("$\\1SLURM_JOB_ID"));
            text.replace(nodeList, QStringLiteral("$\\1SLURM_JOB_NODELIST"));
        }
        for (auto it = fromVariables.cbegin(); it != fromVariables.cend(); ++it) {
            const QString replacement = toVariables.value(it.key());
            const QRegularExpression use(QStringLiteral("\\$(\\{)?%1\\b(\\})?").arg(it.value()));
            if (!text.contains(use))
                continue;
            if (replacement.isEmpty())
                continue;
            text.replace(use, QStringLiteral("$\\1%1\\2").arg(replacement));
        }
        // Other variables of the source scheduler have no counterpart here.
        static const QRegularExpression schedulerVariable(QStringLiteral("\\$\\{?((?:SLURM|PBS|LSB|SGE)_[A-Z_]+)"));
        for (auto it = schedulerVariable.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!toVariables.values().contains(name) && !unknownVariables.contains(name))
                unknownVariables.append(name);
        }
        body += text + line.ending;
    }
    for (const QString &name : unknownVariables)
        translation.notes.append(
            Tr::tr("$%1 has no %2 equivalent; the line that reads it needs a look.").arg(name, targetName));

    // The directives, field by field, in the target's spelling.
    JobScript directives = JobScript::parse(QString(), target);
    for (JobField field : allJobFields()) {
        const auto value = source.field(field);
        if (!value)
            continue;
        if (!value->canonical) {
            translation.notes.append(
                Tr::tr("%1 \"%2\": not understood, so not translated.").arg(jobFieldName(field), value->native));
            continue;
        }
        QString canonical = *value->canonical;
        if (field == JobField::Output || field == JobField::Error)
            canonical = translatePattern(canonical, source.scheduler(), target, &translation.notes);
        const auto native = targetDialect->toNative(field, canonical);
        if (!native || !directives.setValue(field, canonical)) {
            translation.notes.append(
                Tr::tr("%1 \"%2\": %3 has no equivalent; left out.").arg(jobFieldName(field), canonical, targetName));
            continue;
        }
        const auto back = targetDialect->toCanonical(field, *native);
        if (back && !sameValue(field, *back, canonical)) {
            translation.notes.append(
                Tr::tr("%1 \"%2\" became \"%3\" for %4.").arg(jobFieldName(field), canonical, *back, targetName));
        }
    }
    QString directiveText = directives.text();
    if (directiveText.endsWith(u'\n'))
        directiveText.chop(1);
    if (!directivesPlaced)
        directiveText.clear();
    body.replace(directivesMark, directiveText);
    if (!directivesPlaced && !directives.text().isEmpty()) {
        // A script without directives gets them after its first line.
        const qsizetype firstLine = body.startsWith(u"#!") ? body.indexOf(u'\n') + 1 : 0;
        body.insert(firstLine, directives.text());
    }
    translation.script = JobScript::parse(body, target);
    return translation;
}

} // namespace app
