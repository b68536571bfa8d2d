// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/JobField.h"

#include <QCoreApplication>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobField)
};

} // namespace

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
    switch (field) {
    case JobField::Name: return Tr::tr("Job name");
    case JobField::Partition: return Tr::tr("Partition");
    case JobField::Account: return Tr::tr("Account");
    case JobField::Qos: return Tr::tr("QoS");
    case JobField::TimeLimit: return Tr::tr("Time limit");
    case JobField::Nodes: return Tr::tr("Nodes");
    case JobField::Tasks: return Tr::tr("Tasks");
    case JobField::CpusPerTask: return Tr::tr("CPUs per task");
    case JobField::Memory: return Tr::tr("Memory per node");
    case JobField::MemoryPerCpu: return Tr::tr("Memory per CPU");
    case JobField::Gpus: return Tr::tr("GPUs");
    case JobField::Array: return Tr::tr("Array");
    case JobField::Output: return Tr::tr("Output file");
    case JobField::Error: return Tr::tr("Error file");
    case JobField::WorkDirectory: return Tr::tr("Working directory");
    case JobField::Dependency: return Tr::tr("Dependency");
    case JobField::MailType: return Tr::tr("Mail events");
    case JobField::MailUser: return Tr::tr("Mail address");
    case JobField::Constraint: return Tr::tr("Constraint");
    case JobField::Exclusive: return Tr::tr("Exclusive nodes");
    }
    return {};
}

} // namespace app
