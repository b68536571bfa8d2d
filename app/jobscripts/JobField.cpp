#include "app/jobscripts/JobField.h"

#include "app/TranslationContext.h"

#include <QCoreApplication>

namespace app {

QList<JobField> allJobFields()
{
    return {JobField::Name,      JobField::Partition,    JobField::Account,       JobField::Qos,
            JobField::TimeLimit, JobField::Nodes,        JobField::Tasks,         JobField::CpusPerTask,
            JobField::Memory,    JobField::MemoryPerCpu, JobField::Gpus,          JobField::Array,
            JobField::Output,    JobField::Error,        JobField::WorkDirectory, JobField::Dependency,
            JobField::MailType,  JobField::MailUser,     JobField::Constraint,    JobField::Exclusive};
}

QString jobFieldName(JobField field)
{
    constexpr Translator<"app::JobField"> tr;
    switch (field) {
    case JobField::Name: return tr("Job name");
    case JobField::Partition: return tr("Partition");
    case JobField::Account: return tr("Account");
    case JobField::Qos: return tr("QoS");
    case JobField::TimeLimit: return tr("Time limit");
    case JobField::Nodes: return tr("Nodes");
    case JobField::Tasks: return tr("Tasks");
    case JobField::CpusPerTask: return tr("CPUs per task");
    case JobField::Memory: return tr("Memory per node");
    case JobField::MemoryPerCpu: return tr("Memory per CPU");
    case JobField::Gpus: return tr("GPUs");
    case JobField::Array: return tr("Array");
    case JobField::Output: return tr("Output file");
    case JobField::Error: return tr("Error file");
    case JobField::WorkDirectory: return tr("Working directory");
    case JobField::Dependency: return tr("Dependency");
    case JobField::MailType: return tr("Mail events");
    case JobField::MailUser: return tr("Mail address");
    case JobField::Constraint: return tr("Constraint");
    case JobField::Exclusive: return tr("Exclusive nodes");
    }
    return {};
}

} // namespace app
