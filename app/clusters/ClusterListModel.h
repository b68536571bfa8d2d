#pragma once

#include "sshcore/Result.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace app {

struct DemoCluster;

// The clusters shown in the side bar, with whether each one's SSH server answers. Views use the
// roles below; the model knows nothing of widgets.
class ClusterListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Reachability { Unknown, Checking, Reachable, Unreachable };
    Q_ENUM(Reachability)

    enum Role {
        AddressRole = Qt::UserRole + 1, // "alice@127.0.0.1:2222"
        ReachabilityRole,               // Reachability
        StatusTextRole,                 // "Reachable: OpenSSH_10.0p2 Debian-5", or what went wrong
        DescriptionRole,                // "Slurm 24.11.5 · partitions cpu, gpu"
    };

    struct Entry
    {
        QString name;
        QString user;
        QString host;
        quint16 port = 22;
        QString description;
        Reachability reachability = Reachability::Unknown;
        QString statusText;
        bool isDemo = false;
    };

    explicit ClusterListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Entry &entry(int row) const { return m_entries.at(row); }
    void addEntry(const Entry &entry);
    void removeEntry(int row);

    // Asks every cluster's SSH server to identify itself (no login); rows update as answers come.
    void checkReachability();

    static Entry demoClusterEntry(const DemoCluster &cluster);

    // Shows the local demo cluster if its connection file exists (true), removes it if not
    // (false); a file that exists but cannot be used is an error.
    sshcore::Result<bool> reloadDemoCluster(const QString &connectionFile);

Q_SIGNALS:
    // No row is being checked any more.
    void reachabilityChecked();

private:
    void setReachability(int row, Reachability reachability, const QString &statusText);

    QList<Entry> m_entries;
    quint64 m_generation = 0; // answers to an older check, or for removed rows, are dropped
};

} // namespace app
