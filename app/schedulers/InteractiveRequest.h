// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QString>

namespace app {

// What a person asks for in an interactive allocation (a shell on a compute node): the resources
// of the Jupyter form, in Slurm's spelling whatever the scheduler (as JobField does); each back end
// turns them into its own options. It lives beside the schedulers because they read it.
struct InteractiveRequest
{
    QString partition; // or queue; empty: the cluster's default
    QString timeLimit; // "HH:MM:SS", "D-HH:MM:SS" or minutes; empty: the partition's default
    QString memory;    // per node: "8G"; empty: the default
    QString gpus;      // "", "2", "a100:2"
    QString account;
    QString qos;
    int cpus = 1;

    // The job's name: what the allocation is found and told apart by in the queue.
    static QString jobName() { return QStringLiteral("clusterdesk-terminal"); }

    QJsonObject toJson() const;
    // Missing or wrong values take their defaults, so that an older or hand-edited file still loads.
    static InteractiveRequest fromJson(const QJsonObject &object);

    bool operator==(const InteractiveRequest &) const = default;
};

} // namespace app
