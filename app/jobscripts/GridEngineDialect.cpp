// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/GridEngineDialect.h"

#include "app/schedulers/ResourceUnits.h"

namespace app {

namespace {

const QHash<QString, JobField> &wholeValueFlags()
{
    static const QHash<QString, JobField> flags{
        {QStringLiteral("-N"), JobField::Name},           {QStringLiteral("-q"), JobField::Partition},
        {QStringLiteral("-A"), JobField::Account},        {QStringLiteral("-t"), JobField::Array},
        {QStringLiteral("-o"), JobField::Output},         {QStringLiteral("-e"), JobField::Error},
        {QStringLiteral("-wd"), JobField::WorkDirectory}, {QStringLiteral("-hold_jid"), JobField::Dependency},
        {QStringLiteral("-m"), JobField::MailType},       {QStringLiteral("-M"), JobField::MailUser},
    };
    return flags;
}

const QHash<QString, JobField> &resourceKeys()
{
    static const QHash<QString, JobField> keys{
        {QStringLiteral("h_rt"), JobField::TimeLimit},
        {QStringLiteral("h_vmem"), JobField::MemoryPerCpu},
        {QStringLiteral("mem_free"), JobField::MemoryPerCpu},
        {QStringLiteral("gpu"), JobField::Gpus},
        {QStringLiteral("gpus"), JobField::Gpus},
        {QStringLiteral("exclusive"), JobField::Exclusive},
    };
    return keys;
}

} // namespace

QHash<QString, QString> GridEngineDialect::variables() const
{
    return {{QStringLiteral("jobId"), QStringLiteral("JOB_ID")},
            {QStringLiteral("jobName"), QStringLiteral("JOB_NAME")},
            {QStringLiteral("arrayTaskId"), QStringLiteral("SGE_TASK_ID")},
            {QStringLiteral("arrayJobId"), QStringLiteral("JOB_ID")},
            {QStringLiteral("submitDirectory"), QStringLiteral("SGE_O_WORKDIR")},
            {QStringLiteral("nodeList"), QStringLiteral("PE_HOSTFILE")},
            {QStringLiteral("cpus"), QStringLiteral("NSLOTS")}};
}

const QSet<QString> &GridEngineDialect::valueFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-N"),  QStringLiteral("-q"),        QStringLiteral("-A"),
                                     QStringLiteral("-t"),  QStringLiteral("-o"),        QStringLiteral("-e"),
                                     QStringLiteral("-wd"), QStringLiteral("-hold_jid"), QStringLiteral("-m"),
                                     QStringLiteral("-M"),  QStringLiteral("-l"),        QStringLiteral("-pe"),
                                     QStringLiteral("-P"),  QStringLiteral("-S"),        QStringLiteral("-j"),
                                     QStringLiteral("-r"),  QStringLiteral("-v"),        QStringLiteral("-tc"),
                                     QStringLiteral("-R"),  QStringLiteral("-binding"),  QStringLiteral("-p")};
    return flags;
}

const QSet<QString> &GridEngineDialect::bareFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-cwd"), QStringLiteral("-V"), QStringLiteral("-notify"),
                                     QStringLiteral("-terse"), QStringLiteral("-h")};
    return flags;
}

int GridEngineDialect::valueWords(QStringView flag) const
{
    return flag == u"-pe" ? 2 : 1; // "-pe smp 4"
}

QList<FieldSpot> GridEngineDialect::spots(QStringView line) const
{
    const QList<DirectiveOption> all = options(line);
    QList<FieldSpot> result;
    addWholeValueSpots(line, all, wholeValueFlags(), &result);
    for (const DirectiveOption &option : all) {
        if (!option.hasValue)
            continue;
        if (option.flag == u"-l") {
            addListSpots(line, option.valueStart, option.valueEnd, u',', resourceKeys(), &result);
        } else if (option.flag == u"-pe") {
            // The slot count is the second word.
            qsizetype countStart = option.valueEnd;
            while (countStart > option.valueStart && !line[countStart - 1].isSpace())
                --countStart;
            if (countStart == option.valueStart)
                continue;
            FieldSpot spot;
            spot.field = JobField::CpusPerTask;
            spot.valueStart = countStart;
            spot.valueEnd = option.valueEnd;
            spot.native = line.mid(countStart, option.valueEnd - countStart).toString();
            const auto removal = optionRemoval(line, option);
            spot.removeStart = removal.first;
            spot.removeEnd = removal.second;
            result.append(spot);
        }
    }
    return result;
}

std::optional<QString> GridEngineDialect::toCanonical(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::TimeLimit: return timeFromSecondsOrClock(native); // walltime=3600 is seconds
    case JobField::MemoryPerCpu: {
        const auto bytes = units::parseMemory(native, 1);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes)) : std::nullopt;
    }
    case JobField::Exclusive:
        return native.compare(u"true", Qt::CaseInsensitive) == 0 || native == u"1" ? QStringLiteral("yes") : QString();
    case JobField::MailType: return mailEventsFromLetters(native);
    default: return native;
    }
}

std::optional<QString> GridEngineDialect::toNative(JobField field, const QString &canonical) const
{
    switch (field) {
    case JobField::TimeLimit: return clockFromTime(canonical);
    case JobField::MemoryPerCpu: {
        const auto bytes = units::parseMemory(canonical, units::MiB);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes)) : std::nullopt;
    }
    case JobField::Exclusive: return QStringLiteral("true");
    case JobField::Gpus: return canonical.section(u':', -1);
    case JobField::MailType: return mailLettersFromEvents(canonical);
    case JobField::Dependency: {
        // Grid Engine waits for the end of the jobs, whatever their outcome.
        QStringList ids;
        for (const QString &condition : canonical.split(u',', Qt::SkipEmptyParts))
            ids.append(condition.split(u':').mid(1));
        return ids.isEmpty() ? std::nullopt : std::optional<QString>(ids.join(u','));
    }
    case JobField::Nodes:
    case JobField::Tasks:
    case JobField::Memory:
    case JobField::Qos:
    case JobField::Constraint: return std::nullopt;
    default: return canonical;
    }
}

QString GridEngineDialect::directiveLine(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::Name: return prefix() + QStringLiteral(" -N ") + quoteWord(native);
    case JobField::Partition: return prefix() + QStringLiteral(" -q ") + quoteWord(native);
    case JobField::Account: return prefix() + QStringLiteral(" -A ") + quoteWord(native);
    case JobField::TimeLimit: return prefix() + QStringLiteral(" -l h_rt=") + native;
    case JobField::CpusPerTask: return prefix() + QStringLiteral(" -pe smp ") + native;
    case JobField::MemoryPerCpu: return prefix() + QStringLiteral(" -l h_vmem=") + native;
    case JobField::Gpus: return prefix() + QStringLiteral(" -l gpu=") + native;
    case JobField::Exclusive: return prefix() + QStringLiteral(" -l exclusive=true");
    case JobField::Array: return prefix() + QStringLiteral(" -t ") + native;
    case JobField::Output: return prefix() + QStringLiteral(" -o ") + quoteWord(native);
    case JobField::Error: return prefix() + QStringLiteral(" -e ") + quoteWord(native);
    case JobField::WorkDirectory: return prefix() + QStringLiteral(" -wd ") + quoteWord(native);
    case JobField::Dependency: return prefix() + QStringLiteral(" -hold_jid ") + native;
    case JobField::MailType: return prefix() + QStringLiteral(" -m ") + native;
    case JobField::MailUser: return prefix() + QStringLiteral(" -M ") + quoteWord(native);
    default: return {};
    }
}

} // namespace app
