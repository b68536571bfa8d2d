// The side bar's model, checked as a model, and its reachability check against a port where
// nothing listens (servers that answer are covered by the demo cluster tests).

#include "app/clusters/ClusterListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::ClusterListModel;

namespace {

ClusterListModel::Entry entry(const QString &name, quint16 port)
{
    ClusterListModel::Entry e;
    e.name = name;
    e.user = u"alice"_s;
    e.host = u"127.0.0.1"_s;
    e.port = port;
    e.description = u"Slurm 24.11.5"_s;
    return e;
}

// A loopback port that was free a moment ago: connecting to it is refused.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort();
}

} // namespace

class tst_ClusterListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isAValidModel()
    {
        ClusterListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.addEntry(entry(u"Hawk"_s, 22));
        model.addEntry(entry(u"Snellius"_s, 2222));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), u"Snellius"_s);
        QCOMPARE(model.index(1).data(ClusterListModel::AddressRole).toString(), u"alice@127.0.0.1:2222"_s);
        model.removeEntry(0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.index(0).data().toString(), u"Snellius"_s);
        model.removeEntry(5); // out of range: ignored
        QCOMPARE(model.rowCount(), 1);
    }

    void reportsRefusedConnection()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        ClusterListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addEntry(entry(u"Nowhere"_s, port));
        QSignalSpy checked(&model, &ClusterListModel::reachabilityChecked);
        model.checkReachability();
        QCOMPARE(model.index(0).data(ClusterListModel::ReachabilityRole).value<ClusterListModel::Reachability>(),
                 ClusterListModel::Reachability::Checking);
        QVERIFY(checked.wait(15000));
        QCOMPARE(model.index(0).data(ClusterListModel::ReachabilityRole).value<ClusterListModel::Reachability>(),
                 ClusterListModel::Reachability::Unreachable);
        const QString status = model.index(0).data(ClusterListModel::StatusTextRole).toString();
        QVERIFY2(status.contains(u"connection refused"_s), qPrintable(status));
        QVERIFY2(status.contains(QString::number(port)), qPrintable(status));
    }

    void reloadsDemoCluster()
    {
        ClusterListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addEntry(entry(u"Hawk"_s, 22));
        const QString valid = QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/valid.json");
        QCOMPARE(model.reloadDemoCluster(valid), true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(ClusterListModel::AddressRole).toString(), u"alice@127.0.0.1:35457"_s);
        QCOMPARE(model.index(1).data(ClusterListModel::DescriptionRole).toString(),
                 u"Slurm 24.11.5 · partitions cpu, gpu"_s);
        // Reloading replaces the demo entry rather than adding a second one.
        QCOMPARE(model.reloadDemoCluster(valid), true);
        QCOMPARE(model.rowCount(), 2);
        // The demo cluster stopped: its entry goes, the user's stay.
        QTemporaryDir empty;
        QCOMPARE(model.reloadDemoCluster(empty.filePath(u"cluster.json"_s)), false);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data().toString(), u"Hawk"_s);
        // A broken file is an error, not a silent empty list.
        const auto broken = model.reloadDemoCluster(
            QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/truncated.json"));
        QVERIFY(!broken.has_value());
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ClusterListModel)
#include "tst_clusterlistmodel.moc"
