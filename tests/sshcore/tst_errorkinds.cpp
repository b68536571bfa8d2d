// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/Result.h"
#include "sshcore/session/LibsshErrors.h"
#include "sshcore/sftp/SftpProtocol.h"

#include <QTest>

#include <cerrno>

using sshcore::ErrorKind;

// Kinds are set where a failure is known (an SFTP status, a libssh2 code, errno), so that programs
// never read a message's words to decide what to do.
class tst_ErrorKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sftpStatus_data()
    {
        QTest::addColumn<quint8>("type");
        QTest::addColumn<quint32>("status");
        QTest::addColumn<ErrorKind>("kind");
        using namespace sshcore::detail::sftp;
        QTest::newRow("no such file") << quint8(Status) << quint32(NoSuchFile) << ErrorKind::NotFound;
        QTest::newRow("not a folder") << quint8(Status) << quint32(NotADirectory) << ErrorKind::NotFound;
        QTest::newRow("permission denied")
            << quint8(Status) << quint32(PermissionDenied) << ErrorKind::PermissionDenied;
        QTest::newRow("read-only") << quint8(Status) << quint32(WriteProtect) << ErrorKind::PermissionDenied;
        QTest::newRow("disk full") << quint8(Status) << quint32(NoSpaceOnFilesystem) << ErrorKind::NoSpace;
        QTest::newRow("quota") << quint8(Status) << quint32(QuotaExceeded) << ErrorKind::NoSpace;
        QTest::newRow("connection lost") << quint8(Status) << quint32(ConnectionLost) << ErrorKind::LinkLost;
        QTest::newRow("never answered") << quint8(0) << quint32(ConnectionLost) << ErrorKind::LinkLost;
        QTest::newRow("bad message") << quint8(Status) << quint32(BadMessage) << ErrorKind::Malformed;
        QTest::newRow("exists") << quint8(Status) << quint32(FileAlreadyExists) << ErrorKind::Refused;
        QTest::newRow("generic failure") << quint8(Status) << quint32(Failure) << ErrorKind::Other;
        QTest::newRow("not a status") << quint8(Data) << quint32(Ok) << ErrorKind::Malformed;
    }
    void sftpStatus()
    {
        QFETCH(quint8, type);
        QFETCH(quint32, status);
        QFETCH(ErrorKind, kind);
        sshcore::detail::sftp::Reply reply;
        reply.type = type;
        reply.status = status;
        const sshcore::Error error = sshcore::detail::sftp::cannot(QStringLiteral("Cannot read '%1': %2."), "/x",
                                                                   reply);
        QCOMPARE(error.kind, kind);
        QVERIFY(error.message.startsWith(u"Cannot read '/x': "));
    }

    void libssh2Codes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("disconnect") << LIBSSH2_ERROR_SOCKET_DISCONNECT << ErrorKind::LinkLost;
        QTest::newRow("send") << LIBSSH2_ERROR_SOCKET_SEND << ErrorKind::LinkLost;
        QTest::newRow("timeout") << LIBSSH2_ERROR_TIMEOUT << ErrorKind::TimedOut;
        QTest::newRow("channel refused") << LIBSSH2_ERROR_CHANNEL_FAILURE << ErrorKind::Refused;
        QTest::newRow("auth") << LIBSSH2_ERROR_AUTHENTICATION_FAILED << ErrorKind::Refused;
        QTest::newRow("protocol") << LIBSSH2_ERROR_PROTO << ErrorKind::Malformed;
        QTest::newRow("alloc") << LIBSSH2_ERROR_ALLOC << ErrorKind::Other;
    }
    void libssh2Codes()
    {
        QFETCH(int, code);
        QFETCH(ErrorKind, kind);
        QCOMPARE(sshcore::detail::libssh2Kind(code), kind);
    }

    void errnoValues_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("ENOSPC") << ENOSPC << ErrorKind::NoSpace;
        QTest::newRow("EDQUOT") << EDQUOT << ErrorKind::NoSpace;
        QTest::newRow("EACCES") << EACCES << ErrorKind::PermissionDenied;
        QTest::newRow("ENOENT") << ENOENT << ErrorKind::NotFound;
        QTest::newRow("ETIMEDOUT") << ETIMEDOUT << ErrorKind::TimedOut;
        QTest::newRow("ECONNREFUSED") << ECONNREFUSED << ErrorKind::Refused;
        QTest::newRow("ECONNRESET") << ECONNRESET << ErrorKind::LinkLost;
        QTest::newRow("EINVAL") << EINVAL << ErrorKind::Other;
    }
    void errnoValues()
    {
        QFETCH(int, error);
        QFETCH(ErrorKind, kind);
        QCOMPARE(sshcore::errnoKind(error), kind);
    }

    void messagesCarryTheirKind()
    {
        const sshcore::Result<int> failed = sshcore::failure(ErrorKind::NoSpace, QStringLiteral("full"));
        QVERIFY(failed.error().is(ErrorKind::NoSpace));
        const sshcore::Error prefixed = failed.error().prefixed(QStringLiteral("Jump host x: "));
        QCOMPARE(prefixed.kind, ErrorKind::NoSpace);
        QCOMPARE(prefixed.message, QStringLiteral("Jump host x: full"));
        const sshcore::Result<> plain = sshcore::failure(QStringLiteral("something"));
        QCOMPARE(plain.error().kind, ErrorKind::Other);
    }
};

QTEST_GUILESS_MAIN(tst_ErrorKinds)
#include "tst_errorkinds.moc"
