// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/clusters/ClusterListModel.h"

#include "app/connections/ClusterConnection.h"
#include "app/connections/RememberingInteraction.h"
#include "app/demo/DemoCluster.h"
#include "app/profiles/ProfileStore.h"
#include "sshcore/SshConnectionState.h"

#include <QFileInfo>

namespace app {

namespace {
QList<QUuid> idsOf(const QList<Profile> &profiles)
{
    QList<QUuid> ids;
    ids.reserve(profiles.size());
    for (const Profile &profile : profiles)
        ids.append(profile.id);
    return ids;
}
} // namespace

ClusterListModel::ClusterListModel(ProfileStore *store, Context context, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_context(std::move(context))
    , m_ids(idsOf(store->profiles()))
{
    connect(m_store, &ProfileStore::changed, this, &ClusterListModel::onStoreChanged);
}

ClusterListModel::~ClusterListModel()
{
    qDeleteAll(m_connections);
}

int ClusterListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant ClusterListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QUuid id = m_ids.at(index.row());
    const Profile *profile = m_store->profile(id);
    if (!profile)
        return {};
    const ClusterConnection *connection = m_connections.value(id);
    const auto state = connection ? connection->state() : sshcore::SshConnectionState::Disconnected;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return profile->name;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1\n%2").arg(profile->address(), ClusterConnection::stateName(state));
        if (connection && !connection->message().isEmpty())
            tip += u'\n' + connection->message();
        return tip;
    }
    case IdRole: return id;
    case AddressRole: return profile->address();
    case StateRole: return QVariant::fromValue(state);
    case StatusTextRole: return connection ? connection->statusText() : ClusterConnection::stateName(state);
    case MessageRole: return connection ? connection->message() : QString();
    case DescriptionRole:
        if (connection && connection->scheduler())
            return connection->scheduler()->displayName();
        if (profile->scheduler == Profile::Scheduler::Unknown)
            return tr("Scheduler detected on connect");
        return Profile::schedulerName(profile->scheduler);
    case ColourRole: return profile->colour;
    default: return {};
    }
}

QHash<int, QByteArray> ClusterListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AddressRole, "address");
    names.insert(StateRole, "state");
    names.insert(StatusTextRole, "statusText");
    names.insert(MessageRole, "message");
    names.insert(DescriptionRole, "description");
    names.insert(ColourRole, "colour");
    return names;
}

Qt::ItemFlags ClusterListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (index.isValid() && !m_store->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ClusterListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    const auto renamed = m_store->rename(m_ids.at(index.row()), name);
    if (!renamed)
        Q_EMIT renameFailed(renamed.error().message);
    return bool(renamed);
}

QModelIndex ClusterListModel::indexOf(const QUuid &id) const
{
    const qsizetype row = m_ids.indexOf(id);
    return row < 0 ? QModelIndex() : index(int(row));
}

QUuid ClusterListModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : QUuid();
}

ClusterConnection *ClusterListModel::connection(const QUuid &id)
{
    if (ClusterConnection *existing = m_connections.value(id))
        return existing;
    const Profile *profile = m_store->profile(id);
    if (!profile)
        return nullptr;
    auto *connection = new ClusterConnection(*profile, m_context.sshConfigPath, m_context.person, m_context.keyring);
    m_connections.insert(id, connection);
    connect(connection, &ClusterConnection::changed, this, [this, id] {
        emitRowChanged(id);
        Q_EMIT connectionChanged(id);
    });
    connect(connection, &ClusterConnection::keyringProblem, this, &ClusterListModel::keyringProblem);
    connect(connection, &ClusterConnection::schedulerDetected, this, [this, id](const SchedulerDetection &detection) {
        // Detected once, kept in the profile: the Jobs area knows the scheduler before connecting.
        const Profile *current = m_store->profile(id);
        if (!current || current->scheduler != Profile::Scheduler::Unknown || m_store->isReadOnly())
            return;
        Profile updated = *current;
        updated.scheduler = detection.scheduler;
        (void)m_store->update(updated); // a failed save only means detecting again next time
    });
    return connection;
}

int ClusterListModel::openConnectionCount() const
{
    return int(std::ranges::count_if(m_connections, [](const ClusterConnection *c) { return c->isOpen(); }));
}

void ClusterListModel::onStoreChanged()
{
    const QList<QUuid> ids = idsOf(m_store->profiles());
    // Connections of deleted clusters end; the others see their edited profile.
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (const Profile *profile = m_store->profile(it.key())) {
            it.value()->setProfile(*profile);
            ++it;
        } else {
            delete it.value();
            it = m_connections.erase(it);
        }
    }
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_ids.size()) - 1));
        return;
    }
    beginResetModel();
    m_ids = ids;
    endResetModel();
}

void ClusterListModel::emitRowChanged(const QUuid &id)
{
    const QModelIndex changed = indexOf(id);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed);
}

Profile ClusterListModel::demoProfile(const DemoCluster &cluster)
{
    Profile profile;
    profile.name = tr("Demo cluster");
    profile.host = cluster.host;
    profile.port = cluster.loginPort;
    const DemoCluster::User *alice = cluster.user(u"alice");
    const DemoCluster::User *user = alice ? alice : (cluster.users.isEmpty() ? nullptr : &cluster.users.first());
    if (user) {
        profile.user = user->name;
        if (!user->keyPath.isEmpty()) {
            profile.authentication = Profile::Authentication::KeyFile;
            profile.keyFile = user->keyPath;
        }
    }
    profile.knownHostsFile = cluster.knownHostsPath;
    profile.defaultPartition = cluster.defaultPartition;
    profile.colour = QStringLiteral("#2e8b57");
    profile.demo = true;
    return profile;
}

Profile ClusterListModel::withDemoAddress(const Profile &profile, const DemoCluster &cluster)
{
    const Profile fresh = demoProfile(cluster);
    Profile updated = profile;
    updated.host = fresh.host;
    updated.port = fresh.port;
    updated.knownHostsFile = fresh.knownHostsFile;
    if (profile.authentication == Profile::Authentication::KeyFile)
        updated.keyFile = fresh.keyFile;
    return updated;
}

sshcore::Result<bool> ClusterListModel::followDemoCluster(const QString &connectionFile)
{
    if (!QFileInfo::exists(connectionFile))
        return false;
    const auto cluster = DemoCluster::load(connectionFile);
    if (!cluster)
        return std::unexpected(cluster.error());
    const QList<Profile> profiles = m_store->profiles(); // a copy: updating changes the store's list
    for (const Profile &profile : profiles) {
        if (!profile.demo)
            continue;
        const Profile updated = withDemoAddress(profile, *cluster);
        if (updated != profile && !m_store->isReadOnly()) {
            if (const auto saved = m_store->update(updated); !saved)
                return std::unexpected(saved.error());
        }
    }
    return true;
}

} // namespace app
