// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/PbsDialect.h"

#include "app/schedulers/ResourceUnits.h"

namespace app {

namespace {

const QHash<QString, JobField> &wholeValueFlags()
{
    static const QHash<QString, JobField> flags{
        {QStringLiteral("-N"), JobField::Name},     {QStringLiteral("-q"), JobField::Partition},
        {QStringLiteral("-A"), JobField::Account},  {QStringLiteral("-J"), JobField::Array},
        {QStringLiteral("-t"), JobField::Array},    {QStringLiteral("-o"), JobField::Output},
        {QStringLiteral("-e"), JobField::Error},    {QStringLiteral("-M"), JobField::MailUser},
        {QStringLiteral("-m"), JobField::MailType}, {QStringLiteral("-d"), JobField::WorkDirectory},
    };
    return flags;
}

// Keys of a select chunk (PBS Pro) or a nodes spec (Torque) after the count.
const QHash<QString, JobField> &chunkKeys()
{
    static const QHash<QString, JobField> keys{
        {QStringLiteral("ncpus"), JobField::CpusPerTask}, {QStringLiteral("ppn"), JobField::CpusPerTask},
        {QStringLiteral("mem"), JobField::Memory},        {QStringLiteral("ngpus"), JobField::Gpus},
        {QStringLiteral("gpus"), JobField::Gpus},         {QStringLiteral("mpiprocs"), JobField::Tasks},
    };
    return keys;
}

const QHash<QString, JobField> &resourceKeys()
{
    static const QHash<QString, JobField> keys{
        {QStringLiteral("walltime"), JobField::TimeLimit},
        {QStringLiteral("mem"), JobField::Memory},
        {QStringLiteral("ncpus"), JobField::CpusPerTask},
        {QStringLiteral("ngpus"), JobField::Gpus},
    };
    return keys;
}

// Where each select/nodes chunk of a -l list is: the count's span and the chunk's end.
struct Chunk
{
    qsizetype countStart = 0;
    qsizetype countEnd = 0;
    qsizetype end = 0;
};

QList<Chunk> chunks(QStringView line, qsizetype start, qsizetype end)
{
    QList<Chunk> found;
    qsizetype entry = start;
    while (entry < end) {
        qsizetype entryEnd = line.indexOf(u',', entry);
        if (entryEnd < 0 || entryEnd > end)
            entryEnd = end;
        const QStringView text = line.mid(entry, entryEnd - entry);
        for (QStringView key : {QStringView(u"select="), QStringView(u"nodes=")}) {
            if (!text.startsWith(key))
                continue;
            Chunk chunk;
            chunk.countStart = entry + key.size();
            chunk.countEnd = chunk.countStart;
            // Only the first chunk of "select=2:ncpus=8+1:ncpus=1" is read.
            while (chunk.countEnd < entryEnd && line[chunk.countEnd].isDigit())
                ++chunk.countEnd;
            chunk.end = line.indexOf(u'+', chunk.countStart);
            if (chunk.end < 0 || chunk.end > entryEnd)
                chunk.end = entryEnd;
            found.append(chunk);
        }
        entry = entryEnd + 1;
    }
    return found;
}

} // namespace

QHash<QString, QString> PbsDialect::variables() const
{
    return {{QStringLiteral("jobId"), QStringLiteral("PBS_JOBID")},
            {QStringLiteral("jobName"), QStringLiteral("PBS_JOBNAME")},
            {QStringLiteral("arrayTaskId"), QStringLiteral("PBS_ARRAY_INDEX")},
            {QStringLiteral("arrayJobId"), QStringLiteral("PBS_ARRAY_ID")},
            {QStringLiteral("submitDirectory"), QStringLiteral("PBS_O_WORKDIR")},
            {QStringLiteral("nodeList"), QStringLiteral("PBS_NODEFILE")},
            {QStringLiteral("cpus"), QStringLiteral("NCPUS")}};
}

const QSet<QString> &PbsDialect::valueFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-N"), QStringLiteral("-q"), QStringLiteral("-A"),
                                     QStringLiteral("-J"), QStringLiteral("-t"), QStringLiteral("-o"),
                                     QStringLiteral("-e"), QStringLiteral("-M"), QStringLiteral("-m"),
                                     QStringLiteral("-d"), QStringLiteral("-l"), QStringLiteral("-W"),
                                     QStringLiteral("-j"), QStringLiteral("-P"), QStringLiteral("-S"),
                                     QStringLiteral("-r"), QStringLiteral("-k"), QStringLiteral("-v"),
                                     QStringLiteral("-a"), QStringLiteral("-p"), QStringLiteral("-u")};
    return flags;
}

const QSet<QString> &PbsDialect::bareFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-V"), QStringLiteral("-h"), QStringLiteral("-I"),
                                     QStringLiteral("-X"), QStringLiteral("-z")};
    return flags;
}

QList<FieldSpot> PbsDialect::spots(QStringView line) const
{
    const QList<DirectiveOption> all = options(line);
    QList<FieldSpot> result;
    addWholeValueSpots(line, all, wholeValueFlags(), &result);
    for (const DirectiveOption &option : all) {
        if (!option.hasValue || option.flag.isEmpty())
            continue;
        const auto [start, end] = unquotedRange(line, option);
        if (option.flag == u"-W") {
            addListSpots(line, start, end, u',', {{QStringLiteral("depend"), JobField::Dependency}}, &result);
            continue;
        }
        if (option.flag != u"-l")
            continue;
        addListSpots(line, start, end, u',', resourceKeys(), &result);
        for (const Chunk &chunk : chunks(line, start, end)) {
            if (chunk.countEnd > chunk.countStart) {
                FieldSpot count;
                count.field = JobField::Nodes;
                count.valueStart = count.removeStart = chunk.countStart;
                count.valueEnd = count.removeEnd = chunk.countEnd;
                count.native = line.mid(chunk.countStart, chunk.countEnd - chunk.countStart).toString();
                count.wholeWord = false;
                count.removedText = QStringLiteral("1"); // a select chunk always starts with its count
                result.append(count);
            }
            if (chunk.countEnd < chunk.end && line[chunk.countEnd] == u':') {
                addListSpots(line, chunk.countEnd + 1, chunk.end, u':', chunkKeys(), &result);
                // The first key's separator is the ':' after the count, not a following one.
                for (FieldSpot &spot : result) {
                    if (spot.removeStart == chunk.countEnd + 1 && spot.removeEnd > spot.valueEnd) {
                        spot.removeStart = chunk.countEnd;
                        spot.removeEnd = spot.valueEnd;
                    }
                }
            }
        }
    }
    return result;
}

std::optional<QString> PbsDialect::toCanonical(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::TimeLimit: return timeFromSecondsOrClock(native); // walltime=3600 is seconds
    case JobField::Memory: {
        const auto bytes = units::parseMemory(native, 1);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes)) : std::nullopt;
    }
    case JobField::MailType: return mailEventsFromLetters(native);
    default: return native;
    }
}

std::optional<QString> PbsDialect::toNative(JobField field, const QString &canonical) const
{
    switch (field) {
    case JobField::TimeLimit: return clockFromTime(canonical);
    case JobField::Memory: {
        const auto bytes = units::parseMemory(canonical, units::MiB);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes).toLower() + u'b') : std::nullopt;
    }
    case JobField::Gpus: return canonical.section(u':', -1); // PBS asks for a count; the type has no standard spelling
    case JobField::Array: return canonical.section(u'%', 0, 0); // no limit on running subjobs in the directive
    case JobField::MailType: return mailLettersFromEvents(canonical);
    case JobField::MemoryPerCpu:
    case JobField::Qos:
    case JobField::Constraint:
    case JobField::Exclusive: return std::nullopt;
    default: return canonical;
    }
}

FieldInsertion PbsDialect::insertion(const QList<std::pair<int, QString>> &directives, JobField field,
                                     const QString &native) const
{
    static const QHash<JobField, QString> chunkKey{{JobField::CpusPerTask, QStringLiteral("ncpus")},
                                                   {JobField::Memory, QStringLiteral("mem")},
                                                   {JobField::Gpus, QStringLiteral("ngpus")},
                                                   {JobField::Tasks, QStringLiteral("mpiprocs")}};
    if (chunkKey.contains(field)) {
        // Into the select chunk if there is one: a second "-l select" would replace the first.
        for (const auto &[index, text] : directives) {
            for (const DirectiveOption &option : options(text)) {
                if (option.flag != u"-l" || !option.hasValue)
                    continue;
                const auto [start, end] = unquotedRange(text, option);
                const QList<Chunk> found = chunks(text, start, end);
                if (!found.isEmpty()) {
                    const bool torque = text.mid(found.first().countStart - 6, 6) == u"nodes=";
                    const QString key = torque && field == JobField::CpusPerTask ? QStringLiteral("ppn")
                                        : torque && field == JobField::Gpus      ? QStringLiteral("gpus")
                                                                                 : chunkKey.value(field);
                    return {index, found.first().end, u':' + key + u'=' + native};
                }
            }
        }
        return {-1, 0, prefix() + QStringLiteral(" -l select=1:") + chunkKey.value(field) + u'=' + native};
    }
    return ScriptDialect::insertion(directives, field, native);
}

QString PbsDialect::directiveLine(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::Name: return prefix() + QStringLiteral(" -N ") + quoteWord(native);
    case JobField::Partition: return prefix() + QStringLiteral(" -q ") + quoteWord(native);
    case JobField::Account: return prefix() + QStringLiteral(" -A ") + quoteWord(native);
    case JobField::TimeLimit: return prefix() + QStringLiteral(" -l walltime=") + native;
    case JobField::Nodes: return prefix() + QStringLiteral(" -l select=") + native;
    case JobField::Array: return prefix() + QStringLiteral(" -J ") + quoteWord(native);
    case JobField::Output: return prefix() + QStringLiteral(" -o ") + quoteWord(native);
    case JobField::Error: return prefix() + QStringLiteral(" -e ") + quoteWord(native);
    case JobField::WorkDirectory: return prefix() + QStringLiteral(" -d ") + quoteWord(native);
    case JobField::Dependency: return prefix() + QStringLiteral(" -W depend=") + native;
    case JobField::MailType: return prefix() + QStringLiteral(" -m ") + native;
    case JobField::MailUser: return prefix() + QStringLiteral(" -M ") + quoteWord(native);
    default: return {};
    }
}

} // namespace app
