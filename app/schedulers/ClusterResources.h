// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace app {

// A kind of GPU a partition offers: "a100" x 4 per node (type empty when the cluster names none).
struct GpuOffer
{
    QString type;
    int perNode = 0;
    int total = 0; // over the partition's nodes
    bool operator==(const GpuOffer &) const = default;
};

// A partition (Slurm) or queue (PBS, LSF, Grid Engine) with the limits a job script is checked against.
struct Partition
{
    QString name;
    bool isDefault = false;
    bool available = true;                // "up"
    std::optional<qint64> maxTimeSeconds; // none: unlimited
    int nodes = 0;
    int idleNodes = 0;
    int cpusAllocated = 0;
    int cpusIdle = 0;
    int cpusTotal = 0;
    std::optional<qint64> memoryPerNodeBytes; // the smallest node's memory
    QList<GpuOffer> gpus;

    int gpuTotal() const;
    // Its limits in one line for people: "up to 2 days · 3 of 4 nodes idle · 64 GiB per node · 8 GPUs".
    QString summary() const;
    bool operator==(const Partition &) const = default;
};

// What the user may charge jobs to: an account, on which partition (empty: any), with which QoS.
struct Association
{
    QString account;
    QString partition;
    QStringList qos;
    bool operator==(const Association &) const = default;
};

// Everything the job-script form offers in its pickers, as learnt from the connected cluster.
struct ClusterResources
{
    QList<Partition> partitions;
    QList<Association> associations;
    QStringList modules; // "gcc/14", "python/3.12"

    const Partition *partition(const QString &name) const;
    const Partition *defaultPartition() const;
    QStringList accounts() const;
    QStringList qos() const;
    QStringList gpuTypes() const;
};

} // namespace app
