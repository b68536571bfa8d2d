// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Reading the demo cluster's connection file: a real file, and edits of it that must be refused.

#include "TestSupport.h"
#include "app/demo/DemoCluster.h"

#include <QTest>

using namespace Qt::StringLiterals;
using app::DemoCluster;

namespace {
QString dataFile(const char *name)
{
    return QStringLiteral(CLUSTERDESK_TEST_DATA "/democluster/") + QLatin1StringView(name);
}
} // namespace

class tst_DemoClusterFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRealFile()
    {
        const auto cluster = DemoCluster::load(dataFile("valid.json"));
        QVERIFY_RESULT(cluster);
        QCOMPARE(cluster->host, u"127.0.0.1"_s);
        QCOMPARE(cluster->loginPort, 35457);
        QCOMPARE(cluster->bastionPort, 33439);
        QCOMPARE(cluster->dropbearPort, 36189);
        // Written before the cluster had its old and hardened login nodes: no ports for them.
        QCOMPARE(cluster->oldLoginPort, 0);
        QCOMPARE(cluster->hardenedLoginPort, 0);
        QCOMPARE(cluster->schedulerType, u"slurm"_s);
        QCOMPARE(cluster->schedulerVersion, u"24.11.5"_s);
        QCOMPARE(cluster->partitions, (QStringList{u"cpu"_s, u"gpu"_s}));
        QCOMPARE(cluster->users.size(), 3);
        const DemoCluster::User *bob = cluster->user(u"bob");
        QVERIFY(bob);
        QCOMPARE(bob->authMethods, QStringList{u"publickey+keyboard-interactive"_s});
        QCOMPARE(bob->totpSecretHex, u"3132333435363738393031323334353637383930"_s);
        QVERIFY(bob->password.isEmpty());
        QCOMPARE(cluster->user(u"carol")->password, u"carol-demo-password"_s);
        QVERIFY(!cluster->user(u"mallory"));
    }

    // The old and hardened login nodes (for tests/cluster/tst_cipherinterop.cpp).
    void readsAlgorithmNodes()
    {
        const auto cluster = DemoCluster::load(dataFile("with-algorithm-nodes.json"));
        QVERIFY_RESULT(cluster);
        QCOMPARE(cluster->oldLoginPort, 50437);
        QCOMPARE(cluster->hardenedLoginPort, 46229);
        QVERIFY(cluster->loginPort != cluster->oldLoginPort);
        QVERIFY(cluster->hardenedLoginPort != cluster->oldLoginPort);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << dataFile("truncated.json") << u"not valid JSON"_s;
        QTest::newRow("newer format") << dataFile("newer-format.json") << u"newer clusterdesk"_s;
        QTest::newRow("no users") << dataFile("no-users.json") << u"no users"_s;
        QTest::newRow("bad port") << dataFile("bad-port.json") << u"no valid port for \"login\""_s;
        QTest::newRow("no host") << dataFile("no-host.json") << u"names no host"_s;
        QTest::newRow("missing") << dataFile("does-not-exist.json") << u"packaging/dev cluster start"_s;
    }

    void refusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, messagePart);
        const auto cluster = DemoCluster::load(file);
        QVERIFY(!cluster.has_value());
        QVERIFY2(cluster.error().message.contains(messagePart), qPrintable(cluster.error().message));
    }

    void defaultPathFollowsPackagingDev()
    {
        qputenv("CLUSTERDESK_DEMO_FILE", "/x/cluster.json");
        QCOMPARE(DemoCluster::defaultFilePath(), u"/x/cluster.json"_s);
        qunsetenv("CLUSTERDESK_DEMO_FILE");
        qputenv("CLUSTERDESK_RUN_DIR", "/run-dir");
        QCOMPARE(DemoCluster::defaultFilePath(), u"/run-dir/cluster.json"_s);
        qunsetenv("CLUSTERDESK_RUN_DIR");
        qputenv("CLUSTERDESK_CACHE", "/cache");
        QCOMPARE(DemoCluster::defaultFilePath(), u"/cache/run/cluster.json"_s);
        qunsetenv("CLUSTERDESK_CACHE");
        qputenv("XDG_CACHE_HOME", "/xdg");
        QCOMPARE(DemoCluster::defaultFilePath(), u"/xdg/clusterdesk/run/cluster.json"_s);
    }
};

QTEST_GUILESS_MAIN(tst_DemoClusterFile)
#include "tst_democlusterfile.moc"
