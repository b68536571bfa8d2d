// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/JobScriptValidator.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobScriptValidator)
};

bool isPositiveInteger(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^[1-9][0-9]*$"));
    return number.match(text).hasMatch();
}

// Slurm's own syntax, strictly: what sbatch accepts.
bool isSlurmMemory(const QString &text)
{
    static const QRegularExpression memory(QStringLiteral("^[0-9]+[KMGTkmgt]?$"));
    return memory.match(text).hasMatch();
}

bool isArraySpec(const QString &text)
{
    static const QRegularExpression array(
        QStringLiteral("^[0-9]+(-[0-9]+(:[0-9]+)?)?(,[0-9]+(-[0-9]+(:[0-9]+)?)?)*(%[0-9]+)?$"));
    return array.match(text).hasMatch();
}

QStringList names(const QList<Partition> &partitions)
{
    QStringList list;
    for (const Partition &partition : partitions)
        list.append(partition.name);
    return list;
}

} // namespace

QList<ScriptProblem> JobScriptValidator::check(const JobScript &script, const ClusterResources *cluster)
{
    QList<ScriptProblem> problems;
    const auto add = [&](int line, std::optional<JobField> field, QString message,
                         ScriptProblem::Severity severity = ScriptProblem::Severity::Error) {
        problems.append({severity, line, field, std::move(message)});
    };
    const ScriptDialect &dialect = script.dialect();
    const QString tool = Profile::schedulerName(script.scheduler());

    // Line by line: directives the scheduler will skip, and words no option owns.
    const QList<JobScript::Line> &lines = script.lines();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const JobScript::Line &line = lines[i];
        if (line.kind == JobScript::LineKind::IgnoredDirective) {
            add(int(i), std::nullopt,
                Tr::tr("%1 ignores this line: directives must come before the first command of the script.").arg(tool),
                ScriptProblem::Severity::Warning);
            continue;
        }
        if (line.kind != JobScript::LineKind::Directive)
            continue;
        const QList<DirectiveOption> options = dialect.options(line.text);
        if (options.isEmpty())
            add(int(i), std::nullopt, Tr::tr("This directive has no option."), ScriptProblem::Severity::Warning);
        for (const DirectiveOption &option : options) {
            if (option.flag.isEmpty()) {
                add(int(i), std::nullopt,
                    Tr::tr("\"%1\" is not an option, so %2 will refuse the script. If it belongs to the value before "
                           "it, put that value in quotes, e.g. --job-name=\"my job\".")
                        .arg(option.value, tool));
            }
        }
    }

    const auto fieldValue = [&](JobField field) { return script.field(field); };
    const auto unreadable = [&](JobField field, const JobScript::FieldValue &value, const QString &hint) {
        add(value.line, field, Tr::tr("%1: \"%2\" is not understood. %3").arg(jobFieldName(field), value.native, hint));
    };

    const auto time = fieldValue(JobField::TimeLimit);
    std::optional<qint64> timeSeconds;
    if (time) {
        if (time->canonical)
            timeSeconds = units::parseDurationSeconds(*time->canonical);
        if (!timeSeconds)
            unreadable(JobField::TimeLimit, *time,
                       Tr::tr("Write hours:minutes:seconds (01:30:00), minutes (90) or days-hours:minutes:seconds "
                              "(2-00:00:00)."));
    }
    for (JobField field : {JobField::Memory, JobField::MemoryPerCpu}) {
        const auto memory = fieldValue(field);
        if (!memory)
            continue;
        const bool valid = script.scheduler() == Profile::Scheduler::Slurm
                               ? isSlurmMemory(memory->native)
                               : memory->canonical && units::parseMemory(*memory->canonical, units::MiB).has_value();
        if (!valid)
            unreadable(field, *memory,
                       script.scheduler() == Profile::Scheduler::Slurm
                           ? Tr::tr("Write a whole number with a unit K, M, G or T (e.g. 4G or 500M); no unit means M.")
                           : Tr::tr("Write a number with a unit (e.g. 4GB)."));
    }
    if (fieldValue(JobField::Memory) && fieldValue(JobField::MemoryPerCpu)
        && script.scheduler() == Profile::Scheduler::Slurm) {
        add(fieldValue(JobField::MemoryPerCpu)->line, JobField::MemoryPerCpu,
            Tr::tr("Ask for memory either per node (--mem) or per CPU (--mem-per-cpu): sbatch refuses both."));
    }
    for (JobField field : {JobField::Nodes, JobField::Tasks, JobField::CpusPerTask}) {
        const auto count = fieldValue(field);
        // Slurm also takes node ranges ("2-4").
        if (count && !isPositiveInteger(count->native)
            && !(field == JobField::Nodes
                 && QRegularExpression(QStringLiteral("^[1-9][0-9]*-[1-9][0-9]*$")).match(count->native).hasMatch()))
            unreadable(field, *count, Tr::tr("Write a whole number, 1 or more."));
    }
    const auto gpus = fieldValue(JobField::Gpus);
    int gpuCount = 0;
    QString gpuType;
    if (gpus) {
        const QString value = gpus->canonical.value_or(gpus->native);
        const QString count = value.section(u':', -1);
        gpuType = value.count(u':') >= 1 ? value.section(u':', -2, -2) : QString();
        if (!isPositiveInteger(count))
            unreadable(JobField::Gpus, *gpus, Tr::tr("Write a number of GPUs, optionally after a type (a100:2)."));
        else
            gpuCount = count.toInt();
    }
    const auto array = fieldValue(JobField::Array);
    if (array && !isArraySpec(array->canonical.value_or(array->native)))
        unreadable(JobField::Array, *array,
                   Tr::tr("Write indices like 1-10, 1,3,5 or 0-99:2, optionally with %4 to run at most 4 at a time."));

    if (!cluster || cluster->partitions.isEmpty())
        return problems;

    // Against what the cluster offers.
    const auto partitionValue = fieldValue(JobField::Partition);
    const Partition *partition = nullptr;
    if (partitionValue) {
        // "gpu,gpu-long": Slurm takes the first that can run the job; check each.
        for (const QString &name : partitionValue->native.split(u',', Qt::SkipEmptyParts)) {
            partition = cluster->partition(name);
            if (!partition) {
                add(partitionValue->line, JobField::Partition,
                    Tr::tr("There is no partition \"%1\" on this cluster. It has: %2.")
                        .arg(name, names(cluster->partitions).join(QStringLiteral(", "))));
            }
        }
    } else {
        partition = cluster->defaultPartition();
    }
    if (partition) {
        if (timeSeconds && partition->maxTimeSeconds && *timeSeconds > *partition->maxTimeSeconds) {
            add(time->line, JobField::TimeLimit,
                Tr::tr("The time limit %1 is longer than partition %2 allows (%3): the job would wait forever or be "
                       "refused.")
                    .arg(units::formatDuration(*timeSeconds), partition->name,
                         units::formatDuration(*partition->maxTimeSeconds)));
        }
        if (gpuCount > 0 && partition->gpuTotal() == 0) {
            QStringList withGpus;
            for (const Partition &other : cluster->partitions) {
                if (other.gpuTotal() > 0)
                    withGpus.append(other.name);
            }
            add(gpus->line, JobField::Gpus,
                withGpus.isEmpty()
                    ? Tr::tr("Partition %1 has no GPUs, and neither has any other partition here.").arg(partition->name)
                    : Tr::tr("Partition %1 has no GPUs. Choose a partition with GPUs: %2.")
                          .arg(partition->name, withGpus.join(QStringLiteral(", "))));
        } else if (gpuCount > 0) {
            bool typeFound = gpuType.isEmpty();
            for (const GpuOffer &offer : partition->gpus)
                typeFound = typeFound || offer.type == gpuType;
            if (!typeFound) {
                QStringList types;
                for (const GpuOffer &offer : partition->gpus)
                    types.append(offer.type.isEmpty() ? Tr::tr("(untyped)") : offer.type);
                add(gpus->line, JobField::Gpus,
                    Tr::tr("Partition %1 has no GPUs of type %2. It has: %3.")
                        .arg(partition->name, gpuType, types.join(QStringLiteral(", "))));
            } else if (partition->gpuTotal() < gpuCount) {
                add(gpus->line, JobField::Gpus,
                    Tr::tr("Partition %1 has %2 GPUs in all; the job asks for %3.")
                        .arg(partition->name)
                        .arg(partition->gpuTotal())
                        .arg(gpuCount));
            }
        }
        const auto memory = fieldValue(JobField::Memory);
        if (memory && memory->canonical && partition->memoryPerNodeBytes) {
            const auto bytes = units::parseMemory(*memory->canonical, units::MiB);
            if (bytes && *bytes > *partition->memoryPerNodeBytes) {
                add(memory->line, JobField::Memory,
                    Tr::tr("Nodes in partition %1 have %2 of memory; the job asks for %3 per node.")
                        .arg(partition->name, units::describeMemory(*partition->memoryPerNodeBytes),
                             units::describeMemory(*bytes)));
            }
        }
        const auto cpus = fieldValue(JobField::CpusPerTask);
        if (cpus && partition->nodes > 0 && partition->cpusTotal > 0) {
            const int perNode = partition->cpusTotal / partition->nodes;
            if (cpus->native.toInt() > perNode) {
                add(cpus->line, JobField::CpusPerTask,
                    Tr::tr("Nodes in partition %1 have %2 CPUs; one task cannot have %3.")
                        .arg(partition->name)
                        .arg(perNode)
                        .arg(cpus->native));
            }
        }
    }
    const auto account = fieldValue(JobField::Account);
    const QStringList accounts = cluster->accounts();
    if (account && !accounts.isEmpty() && !accounts.contains(account->native)) {
        add(account->line, JobField::Account,
            Tr::tr("You have no account \"%1\" here. Yours: %2.")
                .arg(account->native, accounts.join(QStringLiteral(", "))));
    }
    const auto qos = fieldValue(JobField::Qos);
    const QStringList qosList = cluster->qos();
    if (qos && !qosList.isEmpty() && !qosList.contains(qos->native)) {
        add(qos->line, JobField::Qos,
            Tr::tr("QoS \"%1\" is not one you may use here. Yours: %2.")
                .arg(qos->native, qosList.join(QStringLiteral(", "))));
    }
    return problems;
}

} // namespace app
