#include "app/clusters/ClusterListModel.h"

#include "app/demo/DemoCluster.h"
#include "sshcore/SshServerProbe.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>

using namespace std::chrono_literals;

namespace app {

ClusterListModel::ClusterListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int ClusterListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ClusterListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.name;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(data(index, AddressRole).toString(), entry.statusText);
    case AddressRole:
        return QStringLiteral("%1@%2:%3").arg(entry.user, entry.host).arg(entry.port);
    case ReachabilityRole:
        return QVariant::fromValue(entry.reachability);
    case StatusTextRole:
        return entry.statusText;
    case DescriptionRole:
        return entry.description;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClusterListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AddressRole, "address");
    names.insert(ReachabilityRole, "reachability");
    names.insert(StatusTextRole, "statusText");
    names.insert(DescriptionRole, "description");
    return names;
}

void ClusterListModel::addEntry(const Entry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void ClusterListModel::removeEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    // Answers still on their way carry old row numbers: drop them and ask again.
    const bool checking = std::ranges::any_of(m_entries, [](const Entry &e) {
        return e.reachability == Reachability::Checking;
    });
    ++m_generation;
    if (checking)
        checkReachability();
}

void ClusterListModel::checkReachability()
{
    const quint64 generation = ++m_generation;
    if (m_entries.isEmpty()) {
        Q_EMIT reachabilityChecked();
        return;
    }
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries.at(row);
        setReachability(row, Reachability::Checking, tr("Checking…"));
        sshcore::SshServerProbe::probe(
            entry.host, entry.port, 10s, this,
            [this, row, generation](const sshcore::Result<sshcore::SshServerIdentity> &result) {
                if (generation != m_generation)
                    return;
                if (result)
                    setReachability(row, Reachability::Reachable,
                                    tr("Reachable: %1").arg(result->displayName()));
                else
                    setReachability(row, Reachability::Unreachable, result.error());
                const bool done = std::ranges::none_of(m_entries, [](const Entry &e) {
                    return e.reachability == Reachability::Checking;
                });
                if (done)
                    Q_EMIT reachabilityChecked();
            });
    }
}

ClusterListModel::Entry ClusterListModel::demoClusterEntry(const DemoCluster &cluster)
{
    Entry entry;
    entry.name = tr("Demo cluster");
    entry.user = cluster.users.isEmpty() ? QString() : cluster.users.first().name;
    entry.host = cluster.host;
    entry.port = cluster.loginPort;
    QString scheduler = cluster.schedulerType == u"slurm" ? QStringLiteral("Slurm") : cluster.schedulerType;
    if (!cluster.schedulerVersion.isEmpty())
        scheduler += u' ' + cluster.schedulerVersion;
    entry.isDemo = true;
    entry.description = cluster.partitions.isEmpty()
                            ? scheduler
                            : tr("%1 · partitions %2").arg(scheduler, cluster.partitions.join(QStringLiteral(", ")));
    return entry;
}

sshcore::Result<bool> ClusterListModel::reloadDemoCluster(const QString &connectionFile)
{
    const auto demo = std::ranges::find_if(m_entries, &Entry::isDemo);
    if (demo != m_entries.end())
        removeEntry(int(demo - m_entries.begin()));
    if (!QFileInfo::exists(connectionFile))
        return false;
    const auto cluster = DemoCluster::load(connectionFile);
    if (!cluster)
        return std::unexpected(cluster.error());
    addEntry(demoClusterEntry(*cluster));
    return true;
}

void ClusterListModel::setReachability(int row, Reachability reachability, const QString &statusText)
{
    Entry &entry = m_entries[row];
    entry.reachability = reachability;
    entry.statusText = statusText;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ReachabilityRole, StatusTextRole, Qt::ToolTipRole});
}

} // namespace app
