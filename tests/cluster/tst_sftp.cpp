// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// sshcore's SFTP primitives against the demo cluster's OpenSSH (and Dropbear): make folders, list,
// stream files both ways with resume, rename over a file, remove trees without following links,
// clear errors, and names no shell should ever see unquoted.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using sshcore::Result;
using sshcore::SftpClient;
using sshcore::SftpEntry;
using sshcore::SshConnection;
using sshcore::SshConnectionState;
using testsupport::await;
using testsupport::randomBytes;
using testsupport::readFile;
using testsupport::writeFile;

namespace {} // namespace

class tst_Sftp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void makePathStatAndErrors();
    void uploadDownloadAndResume();
    void hostileNames_data();
    void hostileNames();
    void renameOverExistingFile();
    void transferPlacesTheFile();
    void removeTreeDoesNotFollowLinks();
    void dropbearSftp();
    void readFileIntoMemory();

private:
    std::unique_ptr<SshConnection> connect(quint16 port);
    QByteArray remoteRun(const QList<QByteArray> &arguments);

    app::DemoCluster m_cluster;
    QTemporaryDir m_local;
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<SftpClient> m_sftp;
    QByteArray m_base;
};

namespace {
sshcore::SftpTransferOptions transferOptions(quint64 offset, qsizetype bufferSize)
{
    sshcore::SftpTransferOptions options;
    options.offset = offset;
    options.bufferSize = bufferSize;
    return options;
}
} // namespace

std::unique_ptr<SshConnection> tst_Sftp::connect(quint16 port)
{
    sshcore::SshConnectionSettings settings = testsupport::demoSettings(m_cluster, u"alice"_s);
    settings.port = port;
    return testsupport::connectWith(settings, &m_interaction);
}

QByteArray tst_Sftp::remoteRun(const QList<QByteArray> &arguments)
{
    std::unique_ptr<sshcore::SshCommand> command(m_connection->run(arguments));
    QSignalSpy finished(command.get(), &sshcore::SshCommand::finished);
    if (!finished.wait(30000) || !command->result())
        return "ERROR";
    return command->result()->standardOutput;
}

void tst_Sftp::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    m_connection = connect(m_cluster.loginPort);
    QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->stateMessage()));
    m_sftp = std::make_unique<SftpClient>(m_connection.get());
    m_base = "sftp-test-" + QByteArray::number(QRandomGenerator::global()->generate());
}

void tst_Sftp::cleanupTestCase()
{
    if (m_sftp)
        await<void>([&](QObject *c, auto cb) { m_sftp->remove(m_base, true, c, cb); });
    m_sftp.reset();
    m_connection.reset();
}

void tst_Sftp::makePathStatAndErrors()
{
    const auto made = await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base + "/a/b/c", c, cb); });
    QVERIFY_RESULT(made);
    // Again: mkdir -p is idempotent.
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base + "/a/b/c", c, cb); }));
    const auto entry = await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/a/b/c", c, cb); });
    QVERIFY_RESULT(entry);
    QCOMPARE(entry->type, SftpEntry::Type::Directory);
    QCOMPARE(entry->name, QByteArray("c"));
    QCOMPARE(entry->permissions & 0700, 0700u);

    const auto missing = await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/nope", c, cb); });
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(u"no such file or folder"_s), qPrintable(missing.error().message));
    QCOMPARE(missing.error().kind, sshcore::ErrorKind::NotFound);

    QVERIFY(writeFile(m_local.filePath(u"small"_s), "small\n"));
    QVERIFY_RESULT(await<quint64>(
        [&](QObject *c, auto cb) { m_sftp->upload(m_local.filePath(u"small"_s), m_base + "/file", {}, c, cb); }));
    const auto underFile = await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base + "/file/sub", c, cb); });
    QVERIFY(!underFile);
    QVERIFY2(underFile.error().message.contains(u"is a file"_s), qPrintable(underFile.error().message));
    QCOMPARE(underFile.error().kind, sshcore::ErrorKind::Refused);

    const auto denied = await<void>([&](QObject *c, auto cb) { m_sftp->makePath("/etc/clusterdesk-test", c, cb); });
    QVERIFY(!denied);
    QVERIFY2(denied.error().message.contains(u"permission denied"_s), qPrintable(denied.error().message));
    QCOMPARE(denied.error().kind, sshcore::ErrorKind::PermissionDenied);

    const auto tooLong = await<void>(
        [&](QObject *c, auto cb) { m_sftp->makePath(m_base + '/' + QByteArray(300, 'n'), c, cb); });
    QVERIFY(!tooLong);
    QVERIFY2(tooLong.error().message.contains(u"name is too long"_s), qPrintable(tooLong.error().message));

    const auto noSource = await<quint64>(
        [&](QObject *c, auto cb) { m_sftp->download(m_base + "/missing", m_local.filePath(u"x"_s), {}, c, cb); });
    QVERIFY(!noSource);
    QVERIFY2(noSource.error().message.contains(u"Cannot read"_s)
                 && noSource.error().message.contains(u"no such file"_s),
             qPrintable(noSource.error().message));
    QCOMPARE(noSource.error().kind, sshcore::ErrorKind::NotFound);
}

void tst_Sftp::uploadDownloadAndResume()
{
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base, c, cb); }));
    const QByteArray data = randomBytes(9 * 1024 * 1024 + 123);
    const QString local = m_local.filePath(u"data.bin"_s);
    QVERIFY(writeFile(local, data));

    // A first attempt that got only part of the way (as after a dropped link)...
    const QString partial = m_local.filePath(u"partial.bin"_s);
    QVERIFY(writeFile(partial, data.left(3 * 1024 * 1024 + 7)));
    QVERIFY_RESULT(
        await<quint64>([&](QObject *c, auto cb) { m_sftp->upload(partial, m_base + "/data.bin", {}, c, cb); }));
    // ...then resume from what the remote file has.
    const auto remote = await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/data.bin", c, cb); });
    QVERIFY_RESULT(remote);
    QCOMPARE(remote->size, quint64(3 * 1024 * 1024 + 7));
    quint64 lastProgress = 0;
    const auto uploaded = await<quint64>([&](QObject *c, auto cb) {
        m_sftp->upload(local, m_base + "/data.bin", transferOptions(remote->size, 1 << 20), c, cb,
                       [&](quint64 done, quint64 total) {
                           QCOMPARE(total, quint64(data.size()));
                           lastProgress = done;
                       });
    });
    QVERIFY_RESULT(uploaded);
    QCOMPARE(*uploaded, quint64(data.size()));     // the final count comes with the result
    QVERIFY(lastProgress <= quint64(data.size())); // progress while it ran (at most every 50 ms)
    const QByteArray sha = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    QCOMPARE(remoteRun({"sha256sum", m_base + "/data.bin"}).left(64), sha);

    // Download it back, in two parts as well.
    const QString back = m_local.filePath(u"back.bin"_s);
    QVERIFY(writeFile(back, data.left(1000)));
    const auto downloaded = await<quint64>([&](QObject *c, auto cb) {
        m_sftp->download(m_base + "/data.bin", back, transferOptions(1000, 2 << 20), c, cb);
    });
    QVERIFY_RESULT(downloaded);
    QCOMPARE(*downloaded, quint64(data.size()));
    QVERIFY(readFile(back) == data);
}

void tst_Sftp::hostileNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("quotes") << QByteArray("it's \"quoted\"");
    QTest::newRow("command substitution") << QByteArray("$(touch pwned)");
    QTest::newRow("backticks") << QByteArray("`touch pwned`");
    QTest::newRow("semicolon") << QByteArray("a;touch pwned");
    QTest::newRow("newline") << QByteArray("line\nbreak");
    QTest::newRow("leading dash") << QByteArray("-rf");
    QTest::newRow("spaces") << QByteArray(" lead and trail ");
    QTest::newRow("backslash") << QByteArray("back\\slash");
    QTest::newRow("non-utf8") << QByteArray("caf\xe9-\xff");
    QTest::newRow("255 bytes") << QByteArray(255, 'n');
}

void tst_Sftp::hostileNames()
{
    QFETCH(QByteArray, name);
    const QByteArray dir = m_base + "/hostile";
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(dir, c, cb); }));
    const QByteArray content = "content of " + name.toHex();
    QVERIFY(writeFile(m_local.filePath(u"hostile"_s), content));
    const QByteArray path = dir + '/' + name;
    QVERIFY_RESULT(
        await<quint64>([&](QObject *c, auto cb) { m_sftp->upload(m_local.filePath(u"hostile"_s), path, {}, c, cb); }));
    const auto listed = await<QList<SftpEntry>>([&](QObject *c, auto cb) { m_sftp->list(dir, c, cb); });
    QVERIFY_RESULT(listed);
    bool found = false;
    for (const SftpEntry &entry : *listed)
        found |= entry.name == name && entry.size == quint64(content.size()) && entry.type == SftpEntry::Type::File;
    QVERIFY(found);
    // The same bytes through a remote shell, quoted by the one helper, name the same file.
    QCOMPARE(remoteRun({"cat", "--", path}), content);
    QCOMPARE(remoteRun({"sh", "-c", "find ~ -name pwned | wc -l"}).trimmed(), QByteArray("0"));
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->remove(path, false, c, cb); }));
}

void tst_Sftp::renameOverExistingFile()
{
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base, c, cb); }));
    QVERIFY(writeFile(m_local.filePath(u"new"_s), "new"));
    QVERIFY(writeFile(m_local.filePath(u"old"_s), "old"));
    QVERIFY_RESULT(await<quint64>(
        [&](QObject *c, auto cb) { m_sftp->upload(m_local.filePath(u"new"_s), m_base + "/.part", {}, c, cb); }));
    QVERIFY_RESULT(await<quint64>(
        [&](QObject *c, auto cb) { m_sftp->upload(m_local.filePath(u"old"_s), m_base + "/final", {}, c, cb); }));
    QVERIFY_RESULT(
        await<void>([&](QObject *c, auto cb) { m_sftp->rename(m_base + "/.part", m_base + "/final", c, cb); }));
    QCOMPARE(remoteRun({"cat", m_base + "/final"}), QByteArray("new"));
    const auto gone = await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/.part", c, cb); });
    QVERIFY(!gone);
}

// placeAs: the complete file is renamed over the target as the transfer's last step; its time and mode
// are set first (a download's on the local file); a rename that fails leaves the file under its own name.
void tst_Sftp::transferPlacesTheFile()
{
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base + "/placed", c, cb); }));
    const QByteArray content = QByteArray(70000, 'p') + "end";
    QVERIFY(writeFile(m_local.filePath(u"placed"_s), content));
    QCOMPARE(remoteRun({"sh", "-c", "echo old > \"$1/placed/final\" && echo ok", "sh", m_base}), QByteArray("ok\n"));
    sshcore::SftpTransferOptions options;
    options.modified = 1700000000;
    options.permissions = 0750;
    options.placeAs = m_base + "/placed/final";
    const auto up = await<quint64>([&](QObject *c, auto cb) {
        m_sftp->upload(m_local.filePath(u"placed"_s), m_base + "/placed/.final.part", options, c, cb);
    });
    QVERIFY_RESULT(up);
    QCOMPARE(*up, quint64(content.size()));
    QCOMPARE(remoteRun({"stat", "-c", "%s %a %Y", m_base + "/placed/final"}),
             QByteArray::number(content.size()) + " 750 1700000000\n");
    QVERIFY(!await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/placed/.final.part", c, cb); }));

    // Down again, placed over an older local file, with the remote time and mode.
    const QString down = m_local.filePath(u"down-final"_s);
    QVERIFY(writeFile(down, "older"));
    options.modified = 1600000000;
    options.permissions = 0640;
    options.placeAs = QFile::encodeName(down);
    QVERIFY_RESULT(await<quint64>([&](QObject *c, auto cb) {
        m_sftp->download(m_base + "/placed/final", m_local.filePath(u".down-final.part"_s), options, c, cb);
    }));
    QCOMPARE(readFile(down), content);
    const QFileInfo placed(down);
    QCOMPARE(placed.lastModified(QTimeZone::UTC).toSecsSinceEpoch(), 1600000000);
    QCOMPARE(placed.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther),
             QFile::Permissions(QFile::ReadGroup));
    QVERIFY(!QFileInfo::exists(m_local.filePath(u".down-final.part"_s)));

    // A target folder that does not exist: the transfer fails on the rename, the copy stays.
    options = {};
    options.placeAs = m_base + "/placed/missing/final";
    const auto refused = await<quint64>([&](QObject *c, auto cb) {
        m_sftp->upload(m_local.filePath(u"placed"_s), m_base + "/placed/.kept.part", options, c, cb);
    });
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"rename"_s), qPrintable(refused.error().message));
    const auto kept = await<SftpEntry>(
        [&](QObject *c, auto cb) { m_sftp->stat(m_base + "/placed/.kept.part", c, cb); });
    QVERIFY_RESULT(kept);
    QCOMPARE(kept->size, quint64(content.size()));
}

void tst_Sftp::removeTreeDoesNotFollowLinks()
{
    // A tree with a link to a folder outside it: removing the tree removes the link, not its target.
    QCOMPARE(remoteRun({"sh", "-c",
                        "mkdir -p \"$1/tree/x/y\" \"$1/keep\" && echo precious > \"$1/keep/file\" && "
                        "echo a > \"$1/tree/x/y/a\" && ln -s ../../keep \"$1/tree/x/link\" && echo ok",
                        "sh", m_base}),
             QByteArray("ok\n"));
    const auto listed = await<QList<SftpEntry>>([&](QObject *c, auto cb) { m_sftp->list(m_base + "/tree/x", c, cb); });
    QVERIFY_RESULT(listed);
    bool sawLink = false;
    for (const SftpEntry &entry : *listed)
        sawLink |= entry.name == "link" && entry.type == SftpEntry::Type::Symlink;
    QVERIFY(sawLink);
    const auto notEmpty = await<void>([&](QObject *c, auto cb) { m_sftp->remove(m_base + "/tree", false, c, cb); });
    QVERIFY(!notEmpty);
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->remove(m_base + "/tree", true, c, cb); }));
    QVERIFY(!await<SftpEntry>([&](QObject *c, auto cb) { m_sftp->stat(m_base + "/tree", c, cb); }));
    QCOMPARE(remoteRun({"cat", m_base + "/keep/file"}), QByteArray("precious\n"));
}

void tst_Sftp::dropbearSftp()
{
    auto connection = connect(m_cluster.dropbearPort);
    QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
    SftpClient sftp(connection.get());
    const QByteArray dir = m_base + "-dropbear";
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { sftp.makePath(dir, c, cb); }));
    const QByteArray data = randomBytes(512 * 1024);
    QVERIFY(writeFile(m_local.filePath(u"db"_s), data));
    QVERIFY_RESULT(
        await<quint64>([&](QObject *c, auto cb) { sftp.upload(m_local.filePath(u"db"_s), dir + "/f", {}, c, cb); }));
    const auto listed = await<QList<SftpEntry>>([&](QObject *c, auto cb) { sftp.list(dir, c, cb); });
    QVERIFY_RESULT(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().size, quint64(data.size()));
    QVERIFY_RESULT(
        await<quint64>([&](QObject *c, auto cb) { sftp.download(dir + "/f", m_local.filePath(u"db2"_s), {}, c, cb); }));
    QVERIFY(readFile(m_local.filePath(u"db2"_s)) == data);
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { sftp.remove(dir, true, c, cb); }));
}

// A small file read whole into memory: across several reads, empty, missing, unreadable, over the limit.
void tst_Sftp::readFileIntoMemory()
{
    QVERIFY_RESULT(await<void>([&](QObject *c, auto cb) { m_sftp->makePath(m_base + "/read", c, cb); }));
    const QByteArray data = randomBytes(100 * 1024 + 17); // four reads and a piece
    QVERIFY(writeFile(m_local.filePath(u"read"_s), data));
    QVERIFY_RESULT(await<quint64>(
        [&](QObject *c, auto cb) { m_sftp->upload(m_local.filePath(u"read"_s), m_base + "/read/data", {}, c, cb); }));
    const auto whole = await<QByteArray>(
        [&](QObject *c, auto cb) { m_sftp->readFile(m_base + "/read/data", 1 << 20, c, cb); });
    QVERIFY_RESULT(whole);
    QCOMPARE(whole->size(), data.size());
    QVERIFY(*whole == data);

    const auto tooBig = await<QByteArray>(
        [&](QObject *c, auto cb) { m_sftp->readFile(m_base + "/read/data", 64 * 1024, c, cb); });
    QVERIFY(!tooBig);
    QVERIFY2(tooBig.error().message.contains(u"larger than"_s), qPrintable(tooBig.error().message));

    remoteRun({"sh", "-c", "cd " + m_base + "/read && : > empty && echo secret > locked && chmod 000 locked"});
    const auto empty = await<QByteArray>(
        [&](QObject *c, auto cb) { m_sftp->readFile(m_base + "/read/empty", 100, c, cb); });
    QVERIFY_RESULT(empty);
    QVERIFY(empty->isEmpty());
    const auto missing = await<QByteArray>(
        [&](QObject *c, auto cb) { m_sftp->readFile(m_base + "/read/nope", 100, c, cb); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, sshcore::ErrorKind::NotFound);
    const auto locked = await<QByteArray>(
        [&](QObject *c, auto cb) { m_sftp->readFile(m_base + "/read/locked", 100, c, cb); });
    QVERIFY(!locked);
    QCOMPARE(locked.error().kind, sshcore::ErrorKind::PermissionDenied);
    // Nothing stays open: the folder can go at once.
    remoteRun({"chmod", "600", m_base + "/read/locked"});
}

QTEST_GUILESS_MAIN(tst_Sftp)
#include "tst_sftp.moc"
