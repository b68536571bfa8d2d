// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The side bar's model over a real profile store: checked as a model, rows following the store,
// renaming in place, the demo cluster's profile following its connection file, and a connection
// attempt to a port where nothing listens (live servers are covered by the demo cluster tests).

#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/profiles/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::ClusterListModel;
using app::Profile;
using sshcore::SshConnectionState;

namespace {

Profile profile(const QString &name, quint16 port)
{
    Profile p;
    p.name = name;
    p.user = u"alice"_s;
    p.host = u"127.0.0.1"_s;
    p.port = port;
    p.authentication = Profile::Authentication::Password;
    return p;
}

// A loopback port that was free a moment ago: connecting to it is refused.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort();
}

const QString validDemo = QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/valid.json");

} // namespace

class tst_ClusterListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheStore()
    {
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        ClusterListModel model(&store, {dir.filePath(u"no-ssh-config"_s), nullptr, nullptr});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        const auto hawk = store.add(profile(u"Hawk"_s, 22));
        QVERIFY_RESULT(hawk);
        const auto snellius = store.add(profile(u"Snellius"_s, 2222));
        QVERIFY_RESULT(snellius);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), u"Snellius"_s);
        QCOMPARE(model.index(1).data(ClusterListModel::IdRole).toUuid(), snellius->id);
        QCOMPARE(model.index(1).data(ClusterListModel::AddressRole).toString(), u"alice@127.0.0.1:2222"_s);
        QCOMPARE(model.index(0).data(ClusterListModel::AddressRole).toString(), u"alice@127.0.0.1"_s);
        QCOMPARE(model.index(0).data(ClusterListModel::StateRole).value<SshConnectionState>(),
                 SshConnectionState::Disconnected);
        QCOMPARE(model.index(0).data(ClusterListModel::StatusTextRole).toString(), u"Not connected"_s);
        QCOMPARE(model.index(0).data(ClusterListModel::DescriptionRole).toString(), u"Scheduler detected on connect"_s);
        QCOMPARE(model.indexOf(snellius->id).row(), 1);

        // Renaming in place goes to the store, which keeps names unique.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.flags(model.index(0)) & Qt::ItemIsEditable);
        QVERIFY(model.setData(model.index(0), u"Snellius"_s));
        QCOMPARE(model.index(0).data().toString(), u"Snellius (2)"_s);
        QCOMPARE(store.profile(hawk->id)->name, u"Snellius (2)"_s);
        QVERIFY(!changed.isEmpty());
        QVERIFY(!model.setData(model.index(0), u"   "_s)); // an empty name is refused
        // A store that cannot save says why, through the model.
        QFile::remove(store.filePath());
        QVERIFY(QDir().mkpath(store.filePath())); // a folder where the file should be: saving fails
        QSignalSpy failed(&model, &ClusterListModel::renameFailed);
        QVERIFY(!model.setData(model.index(0), u"Hawk again"_s));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(QDir().rmdir(store.filePath()));

        QVERIFY_RESULT(store.remove(hawk->id));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data().toString(), u"Snellius"_s);
        QVERIFY(model.connection(hawk->id) == nullptr);
    }

    void refusedConnectionIsReportedInPlace()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        const auto nowhere = store.add(profile(u"Nowhere"_s, port));
        QVERIFY_RESULT(nowhere);
        QFile(dir.filePath(u"ssh_config"_s)).open(QIODevice::WriteOnly); // empty, not the user's
        ClusterListModel model(&store, {dir.filePath(u"ssh_config"_s), nullptr, nullptr});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        app::ClusterConnection *connection = model.connection(nowhere->id);
        QVERIFY(connection);
        QCOMPARE(model.connection(nowhere->id), connection); // one per cluster
        connection->open();
        QVERIFY(connection->isOpen());
        QCOMPARE(model.openConnectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SshConnectionState::Failed, 15000);
        QCOMPARE(model.index(0).data(ClusterListModel::StateRole).value<SshConnectionState>(),
                 SshConnectionState::Failed);
        QCOMPARE(model.index(0).data(ClusterListModel::StatusTextRole).toString(), u"Could not connect"_s);
        const QString message = model.index(0).data(ClusterListModel::MessageRole).toString();
        QVERIFY2(message.contains(QString::number(port)), qPrintable(message));
        QVERIFY2(message.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(model.openConnectionCount(), 0);
    }

    void demoProfileFollowsTheConnectionFile()
    {
        const auto cluster = app::DemoCluster::load(validDemo);
        QVERIFY_RESULT(cluster);
        const Profile demo = ClusterListModel::demoProfile(*cluster);
        QVERIFY(demo.demo);
        QCOMPARE(demo.user, u"alice"_s);
        QCOMPARE(demo.port, cluster->loginPort);
        QCOMPARE(demo.authentication, Profile::Authentication::KeyFile);
        QCOMPARE(demo.keyFile, cluster->user(u"alice")->keyPath);
        QCOMPARE(demo.knownHostsFile, cluster->knownHostsPath);

        QTemporaryDir dir;
        app::ProfileStore store(dir.filePath(u"profiles.json"_s));
        ClusterListModel model(&store, {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Profile old = demo;
        old.port = 1; // where the demo cluster listened last time
        const auto added = store.add(old);
        QVERIFY_RESULT(added);
        const auto other = store.add(profile(u"Hawk"_s, 1));
        QVERIFY_RESULT(other);

        QCOMPARE(model.followDemoCluster(validDemo), true);
        QCOMPARE(store.profile(added->id)->port, cluster->loginPort);
        QCOMPARE(store.profile(other->id)->port, 1); // only demo profiles follow
        // Stopped: nothing changes, and it says so.
        QCOMPARE(model.followDemoCluster(dir.filePath(u"cluster.json"_s)), false);
        QCOMPARE(store.profile(added->id)->port, cluster->loginPort);
        // A broken file is an error, not a silent "not running".
        QVERIFY(!model.followDemoCluster(QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/truncated.json")));
    }
};

QTEST_GUILESS_MAIN(tst_ClusterListModel)
#include "tst_clusterlistmodel.moc"
