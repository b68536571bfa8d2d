// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/ClusterResources.h"

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::Partition)
};

} // namespace

int Partition::gpuTotal() const
{
    int total = 0;
    for (const GpuOffer &offer : gpus)
        total += offer.total;
    return total;
}

const Partition *ClusterResources::partition(const QString &name) const
{
    for (const Partition &partition : partitions) {
        if (partition.name == name)
            return &partition;
    }
    return nullptr;
}

const Partition *ClusterResources::defaultPartition() const
{
    for (const Partition &partition : partitions) {
        if (partition.isDefault)
            return &partition;
    }
    return nullptr;
}

QStringList ClusterResources::accounts() const
{
    QStringList accounts;
    for (const Association &association : associations) {
        if (!association.account.isEmpty() && !accounts.contains(association.account))
            accounts.append(association.account);
    }
    return accounts;
}

QStringList ClusterResources::qos() const
{
    QStringList all;
    for (const Association &association : associations) {
        for (const QString &qos : association.qos) {
            if (!qos.isEmpty() && !all.contains(qos))
                all.append(qos);
        }
    }
    return all;
}

QStringList ClusterResources::gpuTypes() const
{
    QStringList types;
    for (const Partition &partition : partitions) {
        for (const GpuOffer &offer : partition.gpus) {
            if (!offer.type.isEmpty() && !types.contains(offer.type))
                types.append(offer.type);
        }
    }
    return types;
}

QString Partition::summary() const
{
    QStringList facts;
    if (!available)
        facts.append(Tr::tr("DOWN"));
    facts.append(maxTimeSeconds ? Tr::tr("up to %1").arg(units::describeDuration(*maxTimeSeconds))
                                : Tr::tr("no time limit"));
    facts.append(Tr::tr("%1 of %2 nodes idle").arg(idleNodes).arg(nodes));
    if (memoryPerNodeBytes)
        facts.append(Tr::tr("%1 per node").arg(units::describeMemory(*memoryPerNodeBytes)));
    const int gpuCount = gpuTotal();
    facts.append(gpuCount == 0 ? Tr::tr("no GPUs") : gpuCount == 1 ? Tr::tr("1 GPU") : Tr::tr("%1 GPUs").arg(gpuCount));
    return facts.join(QStringLiteral(" · "));
}

} // namespace app
