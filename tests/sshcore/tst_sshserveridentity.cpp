// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Parsing of SSH identification lines (RFC 4253, 4.2), on lines real servers send and on bad ones.

#include "TestSupport.h"
#include "sshcore/SshServerIdentity.h"

#include <QTest>

using namespace Qt::StringLiterals;
using sshcore::SshServerIdentity;

class tst_SshServerIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRealServers_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("software");
        QTest::addColumn<QString>("comments");
        // Lines as sent by OpenSSH 10.0 on Debian 13, Dropbear 2025.88, and older servers.
        QTest::newRow("openssh-debian") << QByteArray("SSH-2.0-OpenSSH_10.0p2 Debian-5\r\n") << u"2.0"_s
                                        << u"OpenSSH_10.0p2"_s << u"Debian-5"_s;
        QTest::newRow("dropbear") << QByteArray("SSH-2.0-dropbear_2025.88\r\n") << u"2.0"_s << u"dropbear_2025.88"_s
                                  << QString();
        QTest::newRow("lf-only") << QByteArray("SSH-2.0-OpenSSH_9.2p1\n") << u"2.0"_s << u"OpenSSH_9.2p1"_s
                                 << QString();
        QTest::newRow("1.99") << QByteArray("SSH-1.99-Cisco-1.25\r\n") << u"1.99"_s << u"Cisco-1.25"_s << QString();
    }

    void parsesRealServers()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, protocol);
        QFETCH(QString, software);
        QFETCH(QString, comments);
        const auto identity = SshServerIdentity::parse(line);
        QVERIFY_RESULT(identity);
        QCOMPARE(identity->protocolVersion, protocol);
        QCOMPARE(identity->softwareVersion, software);
        QCOMPARE(identity->comments, comments);
    }

    void rejectsBadLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("http") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << u"not identify"_s;
        QTest::newRow("ssh1") << QByteArray("SSH-1.5-OldServer\r\n") << u"protocol 1.5"_s;
        QTest::newRow("no-software") << QByteArray("SSH-2.0-\r\n") << u"no software"_s;
        QTest::newRow("no-dash") << QByteArray("SSH-2.0\r\n") << u"no software"_s;
        QTest::newRow("control") << QByteArray("SSH-2.0-Open\x01SSH\r\n") << u"control"_s;
        QTest::newRow("too-long") << QByteArray("SSH-2.0-") + QByteArray(300, 'x') << u"too long"_s;
    }

    void rejectsBadLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, messagePart);
        const auto identity = SshServerIdentity::parse(line);
        QVERIFY(!identity.has_value());
        QVERIFY2(identity.error().message.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(identity.error().message));
    }

    void displayName()
    {
        const auto identity = SshServerIdentity::parse("SSH-2.0-OpenSSH_10.0p2 Debian-5");
        QVERIFY(identity.has_value());
        QCOMPARE(identity->displayName(), u"OpenSSH_10.0p2 Debian-5"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SshServerIdentity)
#include "tst_sshserveridentity.moc"
