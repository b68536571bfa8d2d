// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace app {

// The things a job script asks of the scheduler that the form edits. Values travel in Slurm's
// spelling whatever the script's scheduler ("01:00:00", "4G", "a100:2"), so the form, the validator
// and the translator speak one language; each ScriptDialect converts to and from its own.
enum class JobField {
    Name,
    Partition, // Slurm partition, PBS/LSF/Grid Engine queue
    Account,
    Qos,
    TimeLimit,    // "[days-]hours:minutes:seconds" or minutes
    Nodes,        // count
    Tasks,        // count
    CpusPerTask,  // count
    Memory,       // per node: "4G", "500M", a bare number is MiB
    MemoryPerCpu, // per CPU, same units
    Gpus,         // "2" or "type:2"
    Array,        // "1-10", "1,3,5", "0-99:2%10"
    Output,       // path with the scheduler's patterns (%j, %x, %A, %a, ...)
    Error,
    WorkDirectory,
    Dependency, // "afterok:1234"
    MailType,   // "BEGIN,END,FAIL"
    MailUser,
    Constraint,
    Exclusive, // "yes" when present
};

QList<JobField> allJobFields();
// "Time limit", "CPUs per task": for people.
QString jobFieldName(JobField field);

} // namespace app
