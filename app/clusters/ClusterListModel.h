// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "sshcore/Result.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

namespace sshcore {
class SshInteraction;
}

namespace app {

class ClusterConnection;
class Keyring;
class ProfileStore;
struct DemoCluster;

// The user's clusters as the side bar shows them: one row per profile of the store, in its order,
// with the state of that cluster's connection. Owns the connections (several may be open at once).
// Views use the roles below; the model knows nothing of widgets.
class ClusterListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QUuid of the profile
        AddressRole,               // "alice@127.0.0.1:2222"
        StateRole,                 // sshcore::SshConnectionState
        StatusTextRole,            // "Connected · 3 ms", "Could not connect"
        MessageRole,               // why it failed or is reconnecting; empty otherwise
        DescriptionRole,           // "Slurm 24.11.5"
        ColourRole,                // "#2b6fd6", empty for the default
    };

    struct Context
    {
        QString sshConfigPath;                     // empty: the user's ~/.ssh/config
        sshcore::SshInteraction *person = nullptr; // answers host-key and password questions
        Keyring *keyring = nullptr;                // for remembered secrets; may be null
    };

    ClusterListModel(ProfileStore *store, Context context, QObject *parent = nullptr);
    ~ClusterListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Renames (EditRole); a name already taken gets a number. Why it failed: renameFailed().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    ProfileStore *store() const { return m_store; }
    QModelIndex indexOf(const QUuid &id) const;
    QUuid idAt(int row) const;

    // The cluster's connection (made on first use); null for an unknown id.
    ClusterConnection *connection(const QUuid &id);
    ClusterConnection *existingConnection(const QUuid &id) const { return m_connections.value(id); }
    int openConnectionCount() const;
    // Every connection made so far (open or not), in no particular order.
    QList<ClusterConnection *> connections() const { return m_connections.values(); }

    // The profile "Try the demo cluster" adds: alice, her key, the demo's own known_hosts.
    static Profile demoProfile(const DemoCluster &cluster);
    // A demo profile with the running demo cluster's address, known_hosts and (for a key login) key.
    static Profile withDemoAddress(const Profile &profile, const DemoCluster &cluster);
    // Whether the demo cluster runs (its connection file exists); demo profiles follow its address.
    // A file that exists but cannot be used is an error.
    sshcore::Result<bool> followDemoCluster(const QString &connectionFile);

Q_SIGNALS:
    // A cluster's connection changed state, scheduler or latency.
    void connectionChanged(const QUuid &id);
    void keyringProblem(const QString &message);
    void renameFailed(const QString &message);

private:
    void onStoreChanged();
    void emitRowChanged(const QUuid &id);

    ProfileStore *m_store;
    Context m_context;
    QList<QUuid> m_ids; // the rows
    QHash<QUuid, ClusterConnection *> m_connections;
};

} // namespace app
