// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/SlurmDialect.h"

#include <QRegularExpression>

namespace app {

namespace {

const QHash<QString, JobField> &wholeValueFlags()
{
    static const QHash<QString, JobField> flags{
        {QStringLiteral("-J"), JobField::Name},
        {QStringLiteral("--job-name"), JobField::Name},
        {QStringLiteral("-p"), JobField::Partition},
        {QStringLiteral("--partition"), JobField::Partition},
        {QStringLiteral("-A"), JobField::Account},
        {QStringLiteral("--account"), JobField::Account},
        {QStringLiteral("-q"), JobField::Qos},
        {QStringLiteral("--qos"), JobField::Qos},
        {QStringLiteral("-t"), JobField::TimeLimit},
        {QStringLiteral("--time"), JobField::TimeLimit},
        {QStringLiteral("-N"), JobField::Nodes},
        {QStringLiteral("--nodes"), JobField::Nodes},
        {QStringLiteral("-n"), JobField::Tasks},
        {QStringLiteral("--ntasks"), JobField::Tasks},
        {QStringLiteral("-c"), JobField::CpusPerTask},
        {QStringLiteral("--cpus-per-task"), JobField::CpusPerTask},
        {QStringLiteral("--mem"), JobField::Memory},
        {QStringLiteral("--mem-per-cpu"), JobField::MemoryPerCpu},
        {QStringLiteral("-G"), JobField::Gpus},
        {QStringLiteral("--gpus"), JobField::Gpus},
        {QStringLiteral("-a"), JobField::Array},
        {QStringLiteral("--array"), JobField::Array},
        {QStringLiteral("-o"), JobField::Output},
        {QStringLiteral("--output"), JobField::Output},
        {QStringLiteral("-e"), JobField::Error},
        {QStringLiteral("--error"), JobField::Error},
        {QStringLiteral("-D"), JobField::WorkDirectory},
        {QStringLiteral("--chdir"), JobField::WorkDirectory},
        {QStringLiteral("--workdir"), JobField::WorkDirectory},
        {QStringLiteral("-d"), JobField::Dependency},
        {QStringLiteral("--dependency"), JobField::Dependency},
        {QStringLiteral("--mail-type"), JobField::MailType},
        {QStringLiteral("--mail-user"), JobField::MailUser},
        {QStringLiteral("-C"), JobField::Constraint},
        {QStringLiteral("--constraint"), JobField::Constraint},
        {QStringLiteral("--exclusive"), JobField::Exclusive},
    };
    return flags;
}

} // namespace

QHash<QString, QString> SlurmDialect::variables() const
{
    return {{QStringLiteral("jobId"), QStringLiteral("SLURM_JOB_ID")},
            {QStringLiteral("jobName"), QStringLiteral("SLURM_JOB_NAME")},
            {QStringLiteral("arrayTaskId"), QStringLiteral("SLURM_ARRAY_TASK_ID")},
            {QStringLiteral("arrayJobId"), QStringLiteral("SLURM_ARRAY_JOB_ID")},
            {QStringLiteral("submitDirectory"), QStringLiteral("SLURM_SUBMIT_DIR")},
            {QStringLiteral("nodeList"), QStringLiteral("SLURM_JOB_NODELIST")},
            {QStringLiteral("cpus"), QStringLiteral("SLURM_CPUS_PER_TASK")}};
}

const QSet<QString> &SlurmDialect::valueFlags() const
{
    static const QSet<QString> flags = [] {
        QSet<QString> all;
        for (auto it = wholeValueFlags().cbegin(); it != wholeValueFlags().cend(); ++it) {
            if (*it != JobField::Exclusive)
                all.insert(it.key());
        }
        for (const char *flag : {"--gres",
                                 "--ntasks-per-node",
                                 "--gpus-per-node",
                                 "--gpus-per-task",
                                 "--export",
                                 "--nodelist",
                                 "-w",
                                 "--exclude",
                                 "-x",
                                 "--licenses",
                                 "-L",
                                 "--begin",
                                 "-b",
                                 "--signal",
                                 "--mem-per-gpu",
                                 "--cpus-per-gpu",
                                 "--reservation",
                                 "--comment",
                                 "--input",
                                 "-i",
                                 "--open-mode",
                                 "--distribution",
                                 "-m",
                                 "--time-min",
                                 "--tmp",
                                 "--nice",
                                 "--priority",
                                 "--cluster",
                                 "-M",
                                 "--gres-flags",
                                 "--propagate"})
            all.insert(QLatin1StringView(flag));
        return all;
    }();
    return flags;
}

const QSet<QString> &SlurmDialect::bareFlags() const
{
    // sbatch's options without a value (--exclusive takes one only after '=').
    static const QSet<QString>
        flags{QStringLiteral("--exclusive"),  QStringLiteral("-H"),           QStringLiteral("--hold"),
              QStringLiteral("--requeue"),    QStringLiteral("--no-requeue"), QStringLiteral("-O"),
              QStringLiteral("--overcommit"), QStringLiteral("--parsable"),   QStringLiteral("-Q"),
              QStringLiteral("--quiet"),      QStringLiteral("-v"),           QStringLiteral("--verbose"),
              QStringLiteral("--test-only"),  QStringLiteral("-W"),           QStringLiteral("--wait"),
              QStringLiteral("--contiguous"), QStringLiteral("--spread-job"), QStringLiteral("--use-min-nodes"),
              QStringLiteral("--ignore-pbs"), QStringLiteral("-s"),           QStringLiteral("--oversubscribe"),
              QStringLiteral("-h"),           QStringLiteral("--help"),       QStringLiteral("--usage"),
              QStringLiteral("-V"),           QStringLiteral("--version"),    QStringLiteral("--get-user-env")};
    return flags;
}

QList<FieldSpot> SlurmDialect::spots(QStringView line) const
{
    const QList<DirectiveOption> all = options(line);
    QList<FieldSpot> result;
    addWholeValueSpots(line, all, wholeValueFlags(), &result);
    // --gres=gpu:a100:2,shard:1: the gpu entry is the GPUs field. A gres of nothing but GPUs goes
    // away whole when the GPUs are dropped.
    for (const DirectiveOption &option : all) {
        if (option.flag != u"--gres" || !option.hasValue)
            continue;
        const QStringView value = line.mid(option.valueStart, option.valueEnd - option.valueStart);
        const qsizetype quote = value.startsWith(u'"') || value.startsWith(u'\'') ? 1 : 0;
        qsizetype entryStart = option.valueStart + quote;
        const qsizetype end = option.valueEnd - quote;
        while (entryStart < end) {
            qsizetype entryEnd = line.indexOf(u',', entryStart);
            if (entryEnd < 0 || entryEnd > end)
                entryEnd = end;
            const QStringView entry = line.mid(entryStart, entryEnd - entryStart);
            if (entry == u"gpu" || entry.startsWith(u"gpu:")) {
                FieldSpot spot;
                spot.field = JobField::Gpus;
                spot.valueStart = entryStart;
                spot.valueEnd = entryEnd;
                // "gpu" alone is one GPU; the field's value drops the "gpu:".
                spot.native = entry == u"gpu" ? QStringLiteral("1") : entry.mid(4).toString();
                spot.writePrefix = QStringLiteral("gpu:");
                spot.wholeWord = false;
                const bool only = entryStart == option.valueStart + quote && entryEnd == end;
                if (only) {
                    const auto [removeStart, removeEnd] = optionRemoval(line, option);
                    spot.removeStart = removeStart;
                    spot.removeEnd = removeEnd;
                } else if (entryStart > option.valueStart + quote) {
                    spot.removeStart = entryStart - 1;
                    spot.removeEnd = entryEnd;
                } else {
                    spot.removeStart = entryStart;
                    spot.removeEnd = entryEnd + 1;
                }
                result.append(spot);
            }
            entryStart = entryEnd + 1;
        }
    }
    return result;
}

QString SlurmDialect::directiveLine(JobField field, const QString &native) const
{
    static const QHash<JobField, QString> flags{
        {JobField::Name, QStringLiteral("--job-name")},
        {JobField::Partition, QStringLiteral("--partition")},
        {JobField::Account, QStringLiteral("--account")},
        {JobField::Qos, QStringLiteral("--qos")},
        {JobField::TimeLimit, QStringLiteral("--time")},
        {JobField::Nodes, QStringLiteral("--nodes")},
        {JobField::Tasks, QStringLiteral("--ntasks")},
        {JobField::CpusPerTask, QStringLiteral("--cpus-per-task")},
        {JobField::Memory, QStringLiteral("--mem")},
        {JobField::MemoryPerCpu, QStringLiteral("--mem-per-cpu")},
        {JobField::Gpus, QStringLiteral("--gpus")},
        {JobField::Array, QStringLiteral("--array")},
        {JobField::Output, QStringLiteral("--output")},
        {JobField::Error, QStringLiteral("--error")},
        {JobField::WorkDirectory, QStringLiteral("--chdir")},
        {JobField::Dependency, QStringLiteral("--dependency")},
        {JobField::MailType, QStringLiteral("--mail-type")},
        {JobField::MailUser, QStringLiteral("--mail-user")},
        {JobField::Constraint, QStringLiteral("--constraint")},
        {JobField::Exclusive, QStringLiteral("--exclusive")},
    };
    if (field == JobField::Exclusive)
        return prefix() + u' ' + flags.value(field);
    return prefix() + u' ' + flags.value(field) + u'=' + quoteWord(native);
}

} // namespace app
