// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The one permission formatter (CLI listing, Files area): the ten characters `ls -l` shows, with
// setuid, setgid and sticky bits. Each row is also checked against coreutils' `stat -c %A` for a
// local file or folder given that mode, where the file system keeps it.

#include "sshcore/sftp/PermissionString.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using sshcore::SftpEntry;

class TestPermissionString : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data()
    {
        QTest::addColumn<SftpEntry::Type>("type");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<QString>("text");
        using Type = SftpEntry::Type;
        QTest::newRow("plain file") << Type::File << 0644u << QStringLiteral("-rw-r--r--");
        QTest::newRow("nothing") << Type::File << 0u << QStringLiteral("----------");
        QTest::newRow("everything") << Type::File << 0777u << QStringLiteral("-rwxrwxrwx");
        QTest::newRow("folder") << Type::Directory << 0755u << QStringLiteral("drwxr-xr-x");
        QTest::newRow("link") << Type::Symlink << 0777u << QStringLiteral("lrwxrwxrwx");
        QTest::newRow("other kinds show as files") << Type::Other << 0600u << QStringLiteral("-rw-------");
        QTest::newRow("setuid program") << Type::File << 04755u << QStringLiteral("-rwsr-xr-x");
        QTest::newRow("setuid, owner cannot run it") << Type::File << 04644u << QStringLiteral("-rwSr--r--");
        QTest::newRow("setgid program") << Type::File << 02755u << QStringLiteral("-rwxr-sr-x");
        QTest::newRow("setgid, group cannot run it") << Type::File << 02745u << QStringLiteral("-rwxr-Sr-x");
        QTest::newRow("shared folder, setgid") << Type::Directory << 02775u << QStringLiteral("drwxrwsr-x");
        QTest::newRow("sticky /tmp") << Type::Directory << 01777u << QStringLiteral("drwxrwxrwt");
        QTest::newRow("sticky, others cannot enter") << Type::Directory << 01770u << QStringLiteral("drwxrwx--T");
        QTest::newRow("all three, all executable") << Type::File << 07777u << QStringLiteral("-rwsrwsrwt");
        QTest::newRow("all three, none executable") << Type::File << 07666u << QStringLiteral("-rwSrwSrwT");
        QTest::newRow("all three, as in -rwsr-sr-t") << Type::Directory << 07755u << QStringLiteral("drwsr-sr-t");
        QTest::newRow("file type bits above the mode are ignored")
            << Type::File << (0100000u | 0640u) << QStringLiteral("-rw-r-----");
    }

    void format()
    {
        QFETCH(SftpEntry::Type, type);
        QFETCH(uint, mode);
        QFETCH(QString, text);
        QCOMPARE(sshcore::permissionString(type, mode), text);
    }

    // The same modes on real local files, read back by coreutils: the oracle for the rows above.
    void sameAsCoreutils_data() { format_data(); }

    void sameAsCoreutils()
    {
        QFETCH(SftpEntry::Type, type);
        QFETCH(uint, mode);
        QFETCH(QString, text);
        const QString stat = QStandardPaths::findExecutable(QStringLiteral("stat"));
        if (stat.isEmpty())
            QSKIP("no stat(1) here");
        if (type == SftpEntry::Type::Symlink || type == SftpEntry::Type::Other)
            QSKIP("a link's or a socket's mode is not set with chmod");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("entry"));
        if (type == SftpEntry::Type::Directory)
            QVERIFY(QDir().mkdir(path));
        else
            QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        const QByteArray encoded = QFile::encodeName(path);
        QCOMPARE(::chmod(encoded.constData(), mode & 07777u), 0);
        struct stat info{};
        QCOMPARE(::stat(encoded.constData(), &info), 0);
        if ((info.st_mode & 07777u) != (mode & 07777u))
            QSKIP("this file system or user does not keep these bits");
        QProcess process;
        process.start(stat, {QStringLiteral("-c"), QStringLiteral("%A"), path});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(QString::fromLatin1(process.readAllStandardOutput().trimmed()), text);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)); // removable
    }
};

QTEST_GUILESS_MAIN(TestPermissionString)
#include "tst_permissionstring.moc"
