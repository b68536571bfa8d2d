// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Remembered secrets in the system keyring, against a real Secret Service: gnome-keyring on a
// private D-Bus session in a temporary HOME (tests/keyring/run-with-keyring). Round trip, overwrite,
// missing entries, removal, answers dropped for a destroyed context, the keys of a profile, and that
// no secret reaches the disk in clear text, cross-checked with secret-tool.

#include "TestSupport.h"
#include "app/secrets/Keyring.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using app::Keyring;
using sshcore::Result;

namespace {

constexpr int answerTimeout = 10'000;

// A secret nobody would type: random, with characters outside ASCII so that encodings matter.
QString randomSecret()
{
    return u"s3cr\u00e9t-\u5bc6-%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

QString randomKey()
{
    return Keyring::passwordKey(QUuid::createUuid());
}

// Runs one keyring call and waits for its answer, which must come later and exactly once.
template<typename T, typename Call>
Result<T> await(Call call)
{
    QObject context;
    int calls = 0;
    std::optional<Result<T>> answer;
    call(&context, [&](Result<T> result) {
        ++calls;
        answer = std::move(result);
    });
    if (calls != 0)
        return sshcore::failure(u"The keyring answered before the call returned."_s);
    if (!QTest::qWaitFor([&] { return calls > 0; }, answerTimeout))
        return sshcore::failure(u"The keyring did not answer within 10 s."_s);
    QTest::qWait(50); // a window in which a second answer must not come (a check, not a synchronisation)
    if (calls != 1)
        return sshcore::failure(u"The keyring answered %1 times."_s.arg(calls));
    return *answer;
}

Result<std::optional<QString>> readNow(Keyring &keyring, const QString &key)
{
    return await<std::optional<QString>>([&](QObject *context, auto done) { keyring.read(key, context, done); });
}

Result<> writeNow(Keyring &keyring, const QString &key, const QString &secret)
{
    return await<void>([&](QObject *context, auto done) { keyring.write(key, secret, context, done); });
}

Result<> removeNow(Keyring &keyring, const QString &key)
{
    return await<void>([&](QObject *context, auto done) { keyring.remove(key, context, done); });
}

QString testHome()
{
    return qEnvironmentVariable("CLUSTERDESK_TEST_HOME");
}

// Every regular file under the test's HOME (the keyring's files, clusterdesk's config and cache).
QStringList filesUnderHome()
{
    QStringList files;
    QDirIterator it(testHome(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString loginKeyring()
{
    return testHome() + u"/.local/share/keyrings/login.keyring"_s;
}

struct ProcessOutput
{
    int exitCode = -1;
    QString out;
    QString err;
};

// secret-tool, the Secret Service's own client: an oracle independent of QtKeychain.
ProcessOutput secretTool(const QStringList &arguments)
{
    QProcess process;
    process.start(u"secret-tool"_s, arguments);
    ProcessOutput output;
    if (!process.waitForFinished(answerTimeout) || process.exitStatus() != QProcess::NormalExit) {
        output.err = u"secret-tool did not finish: "_s + process.errorString();
        return output;
    }
    output.exitCode = process.exitCode();
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    return output;
}

} // namespace

class tst_Keyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!testHome().isEmpty() && QFileInfo(testHome()).isDir(),
                 "CLUSTERDESK_TEST_HOME is not set: run this test through tests/keyring/run-with-keyring "
                 "(ctest does).");
        QVERIFY2(testHome() == QDir::homePath(), "HOME is not the keyring's temporary HOME");
        // Never the developer's own keyring.
        QVERIFY2(qEnvironmentVariable("GNOME_KEYRING_CONTROL").startsWith(testHome() + u'/'),
                 "GNOME_KEYRING_CONTROL is not the private keyring's");
    }

    void writeReadOverwrite()
    {
        Keyring keyring;
        QCOMPARE(keyring.service(), u"clusterdesk"_s);
        const QString key = randomKey();
        const QString secret = randomSecret();
        QVERIFY_RESULT(writeNow(keyring, key, secret));
        auto read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::optional<QString>(secret));

        const QString changed = randomSecret();
        QVERIFY(changed != secret);
        QVERIFY_RESULT(writeNow(keyring, key, changed));
        read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::optional<QString>(changed));

        // A new Keyring object of the same service finds it: it is the keyring that remembers.
        Keyring another;
        read = readNow(another, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::optional<QString>(changed));
        // Another service does not.
        Keyring otherService(u"clusterdesk-other"_s);
        read = readNow(otherService, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::nullopt);
    }

    void emptySecret()
    {
        Keyring keyring;
        const QString key = randomKey();
        QVERIFY_RESULT(writeNow(keyring, key, QString()));
        const auto read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QVERIFY(read->has_value());
        QCOMPARE(**read, QString());
        QVERIFY_RESULT(removeNow(keyring, key));
    }

    void missingKeyIsNothing()
    {
        Keyring keyring;
        const auto read = readNow(keyring, randomKey());
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::nullopt);
    }

    void removeThenRead()
    {
        Keyring keyring;
        const QString key = randomKey();
        const QString neighbour = randomKey();
        QVERIFY_RESULT(writeNow(keyring, key, randomSecret()));
        const QString kept = randomSecret();
        QVERIFY_RESULT(writeNow(keyring, neighbour, kept));
        QVERIFY_RESULT(removeNow(keyring, key));
        auto read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::nullopt);
        // Only that entry went.
        read = readNow(keyring, neighbour);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::optional<QString>(kept));
        // Removing it again, or a key never written, is fine.
        QVERIFY_RESULT(removeNow(keyring, key));
        QVERIFY_RESULT(removeNow(keyring, randomKey()));
    }

    void destroyedContextIsNotCalled()
    {
        Keyring keyring;
        const QString key = randomKey();
        const QString secret = randomSecret();
        bool called = false;
        auto context = std::make_unique<QObject>();
        keyring.write(key, secret, context.get(), [&called](Result<>) { called = true; });
        keyring.read(key, context.get(), [&called](Result<std::optional<QString>>) { called = true; });
        keyring.remove(randomKey(), context.get(), [&called](Result<>) { called = true; });
        context.reset();
        // The keyring runs its requests in order: once a later one has answered, those have finished.
        const auto read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QVERIFY(!called);
        // The write itself was not interrupted; only its answer was dropped.
        QCOMPARE(*read, std::optional<QString>(secret));
        QVERIFY_RESULT(removeNow(keyring, key));
    }

    void keysOfProfiles()
    {
        const QUuid first = QUuid::createUuid();
        const QUuid second = QUuid::createUuid();
        const QString hawkKey = u"/home/me/.ssh/id_ed25519_hawk"_s;
        const QString otherKey = u"/home/me/.ssh/id_rsa"_s;
        QCOMPARE(Keyring::passwordKey(first), Keyring::passwordKey(first));
        QVERIFY(Keyring::passwordKey(first) != Keyring::passwordKey(second));
        QVERIFY(Keyring::passwordKey(first).contains(first.toString(QUuid::WithoutBraces)));
        QVERIFY(Keyring::passphraseKey(first, hawkKey) != Keyring::passphraseKey(first, otherKey));
        QVERIFY(Keyring::passphraseKey(first, hawkKey) != Keyring::passphraseKey(second, hawkKey));
        QVERIFY(Keyring::passphraseKey(first, hawkKey) != Keyring::passwordKey(first));
        QCOMPARE(Keyring::passphraseKey(first, hawkKey),
                 Keyring::passphraseKey(first, u"/home/me/.ssh//id_ed25519_hawk"_s));

        // And in the keyring, each key holds its own secret.
        Keyring keyring;
        const QStringList keys{Keyring::passwordKey(first), Keyring::passwordKey(second),
                               Keyring::passphraseKey(first, hawkKey), Keyring::passphraseKey(first, otherKey)};
        QStringList secrets;
        for (const QString &key : keys) {
            secrets.append(randomSecret());
            QVERIFY_RESULT(writeNow(keyring, key, secrets.last()));
        }
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto read = readNow(keyring, keys.at(i));
            QVERIFY_RESULT(read);
            QCOMPARE(*read, std::optional<QString>(secrets.at(i)));
            QVERIFY_RESULT(removeNow(keyring, keys.at(i)));
        }
    }

    void noSecretOnDiskInClearText()
    {
        Keyring keyring;
        const QString key = Keyring::passwordKey(QUuid::createUuid());
        const QString secret = u"clear-text-canary-"_s + randomSecret();
        const QByteArray before = readFile(loginKeyring());
        QVERIFY_RESULT(writeNow(keyring, key, secret));
        const auto read = readNow(keyring, key);
        QVERIFY_RESULT(read);
        QCOMPARE(*read, std::optional<QString>(secret));

        // The secret did go to disk, into the keyring's file, so the search below has something to
        // miss: the login keyring changed with this write.
        const QByteArray after = readFile(loginKeyring());
        QVERIFY2(!after.isEmpty(), qPrintable(u"no keyring file at "_s + loginKeyring()));
        QVERIFY2(after != before, "the login keyring's file did not change when the secret was written");

        const QStringList files = filesUnderHome();
        QVERIFY(files.contains(loginKeyring()));
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        // The part of it that is plain ASCII, in case something stored it in another encoding.
        const QByteArray canary = "clear-text-canary-";
        qsizetype keyringFiles = 0;
        for (const QString &path : files) {
            if (path.contains(u"/keyrings/"_s))
                ++keyringFiles;
            const QByteArray content = readFile(path);
            QVERIFY2(!content.contains(utf8), qPrintable(u"the secret is in clear text in "_s + path));
            QVERIFY2(!content.contains(utf16), qPrintable(u"the secret is in clear text (UTF-16) in "_s + path));
            QVERIFY2(!content.contains(canary), qPrintable(u"part of the secret is in clear text in "_s + path));
        }
        QVERIFY(keyringFiles >= 1);
        QVERIFY_RESULT(removeNow(keyring, key));
    }

    // What QtKeychain stored, as the Secret Service's own client sees it: the key as the "user"
    // attribute, the service as "server", and the secret itself.
    void secretToolSeesTheEntry()
    {
        Keyring keyring;
        const QString key = Keyring::passphraseKey(QUuid::createUuid(), u"/home/me/.ssh/id_ed25519"_s);
        const QString secret = randomSecret();
        QVERIFY_RESULT(writeNow(keyring, key, secret));

        const ProcessOutput search = secretTool(
            {u"search"_s, u"--all"_s, u"--unlock"_s, u"server"_s, keyring.service(), u"user"_s, key});
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        // secret-tool prints an item's label and secret on standard output, its attributes on
        // standard error.
        const QString item = search.out + search.err;
        QVERIFY2(item.contains(u"\nattribute.user = "_s + key + u'\n'), qPrintable(item));
        QVERIFY2(item.contains(u"\nattribute.server = "_s + keyring.service() + u'\n'), qPrintable(item));
        QVERIFY2(item.contains(u"\nsecret = "_s + secret + u'\n'), qPrintable(item));
        QVERIFY2(item.contains(u"\nschema = org.qt.keychain\n"_s), qPrintable(item));
        QCOMPARE(item.count(u"attribute.user = "_s), 1);

        const ProcessOutput lookup = secretTool({u"lookup"_s, u"server"_s, keyring.service(), u"user"_s, key});
        QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.err));
        QCOMPARE(lookup.out, secret);

        // And the other way round: once removed, secret-tool finds nothing.
        QVERIFY_RESULT(removeNow(keyring, key));
        const ProcessOutput gone = secretTool({u"lookup"_s, u"server"_s, keyring.service(), u"user"_s, key});
        QVERIFY(gone.exitCode != 0);
        QVERIFY(gone.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Keyring)
#include "tst_keyring.moc"
