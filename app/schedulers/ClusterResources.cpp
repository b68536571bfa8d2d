#include "app/schedulers/ClusterResources.h"

namespace app {

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

} // namespace app
