// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/RemotePath.h"

#include <QTest>

using namespace sshcore;

class TestRemotePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void join_data()
    {
        QTest::addColumn<QByteArray>("directory");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("joined");
        QTest::newRow("plain") << QByteArray("/home/alice") << QByteArray("a.txt") << QByteArray("/home/alice/a.txt");
        QTest::newRow("root") << QByteArray("/") << QByteArray("etc") << QByteArray("/etc");
        QTest::newRow("trailing slash") << QByteArray("/data/") << QByteArray("x") << QByteArray("/data/x");
        QTest::newRow("empty directory") << QByteArray() << QByteArray("x") << QByteArray("x");
        QTest::newRow("relative") << QByteArray("run") << QByteArray("out") << QByteArray("run/out");
        QTest::newRow("hostile name kept as bytes")
            << QByteArray("/tmp") << QByteArray("$(date) 'a\\b\" \xff") << QByteArray("/tmp/$(date) 'a\\b\" \xff");
    }
    void join()
    {
        QFETCH(QByteArray, directory);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, joined);
        QCOMPARE(RemotePath::join(directory, name), joined);
    }

    void parentAndBase_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("parent");
        QTest::addColumn<QByteArray>("base");
        QTest::newRow("file") << QByteArray("/home/alice/a.txt") << QByteArray("/home/alice") << QByteArray("a.txt");
        QTest::newRow("top level") << QByteArray("/etc") << QByteArray("/") << QByteArray("etc");
        QTest::newRow("root") << QByteArray("/") << QByteArray("/") << QByteArray("/");
        QTest::newRow("trailing slashes") << QByteArray("/a/b//") << QByteArray("/a") << QByteArray("b");
        QTest::newRow("relative") << QByteArray("a") << QByteArray(".") << QByteArray("a");
        QTest::newRow("relative nested") << QByteArray("a/b") << QByteArray("a") << QByteArray("b");
        QTest::newRow("empty") << QByteArray() << QByteArray(".") << QByteArray();
        QTest::newRow("dotfile") << QByteArray("/x/.cdpart") << QByteArray("/x") << QByteArray(".cdpart");
    }
    void parentAndBase()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, parent);
        QFETCH(QByteArray, base);
        QCOMPARE(RemotePath::parent(path), parent);
        QCOMPARE(RemotePath::baseName(path), base);
    }

    void normalize_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("normal");
        QTest::newRow("already") << QByteArray("/a/b") << QByteArray("/a/b");
        QTest::newRow("slashes") << QByteArray("//a///b/") << QByteArray("/a/b");
        QTest::newRow("dots") << QByteArray("/a/./b/../c") << QByteArray("/a/c");
        QTest::newRow("above root") << QByteArray("/../..") << QByteArray("/");
        QTest::newRow("root") << QByteArray("/") << QByteArray("/");
        QTest::newRow("relative up") << QByteArray("../a/../../b") << QByteArray("../../b");
        QTest::newRow("relative empty") << QByteArray("a/..") << QByteArray(".");
        QTest::newRow("home") << QByteArray("~/runs/") << QByteArray("~/runs");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("dot dot names are names") << QByteArray("/a/..b/c..") << QByteArray("/a/..b/c..");
    }
    void normalize()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, normal);
        QCOMPARE(RemotePath::normalize(path), normal);
    }
};

QTEST_GUILESS_MAIN(TestRemotePath)
#include "tst_remotepath.moc"
