// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobScript.h"
#include "app/schedulers/ClusterResources.h"

#include <QList>
#include <QString>

#include <optional>

namespace app {

// Something wrong (or doubtful) in a job script, said so that a newcomer knows what to change.
struct ScriptProblem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = -1; // 0-based; -1 when it concerns the script as a whole
    std::optional<JobField> field;
    QString message;
    bool operator==(const ScriptProblem &) const = default;
};

// Checks a script's directives for what the scheduler would refuse or never run: syntax of times,
// memory and arrays, stray words, directives after the first command, and (when the cluster's
// resources are known) partitions, accounts, time and memory limits and GPUs.
class JobScriptValidator
{
public:
    static QList<ScriptProblem> check(const JobScript &script, const ClusterResources *cluster = nullptr);
};

} // namespace app
