// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/Authenticator.h"

#include "sshcore/session/SessionMemory.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdlib>
#include <cstring>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::Authenticator)
};

} // namespace

namespace {

QString shortPath(const QString &path)
{
    const QString home = qEnvironmentVariable("HOME");
    return !home.isEmpty() && path.startsWith(home + u'/') ? u'~' + path.mid(home.size()) : path;
}

// OpenSSH's own key format says "bcrypt" as its KDF when encrypted; PEM keys say ENCRYPTED.
bool keyIsEncrypted(const QString &file)
{
    QFile key(file);
    if (!key.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = key.read(64 * 1024);
    if (text.contains("ENCRYPTED"))
        return true;
    const qsizetype begin = text.indexOf("-----BEGIN OPENSSH PRIVATE KEY-----");
    if (begin < 0)
        return false;
    const qsizetype start = text.indexOf('\n', begin) + 1;
    const qsizetype end = text.indexOf("-----END", start);
    const QByteArray blob = QByteArray::fromBase64(text.mid(start, end - start).replace('\n', ""));
    return blob.contains("bcrypt");
}

QByteArray publicKeyBlob(const QString &privateKeyFile)
{
    QFile pub(privateKeyFile + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = pub.readAll().simplified().split(' ');
    return parts.size() >= 2 ? QByteArray::fromBase64(parts.at(1)) : QByteArray();
}

// A response libssh2 frees itself, with the session's allocator (SessionMemory).
char *copyForLibssh2(const QByteArray &bytes, SessionMemory *memory)
{
    auto *copy = static_cast<char *>(memory->allocate(size_t(bytes.size()) + 1));
    if (copy) {
        std::memcpy(copy, bytes.constData(), size_t(bytes.size()));
        copy[bytes.size()] = '\0';
    }
    return copy;
}

} // namespace

Authenticator::Authenticator(LIBSSH2_SESSION *session, SessionContext *context, const SshConnectionSettings &settings,
                             AuthHooks hooks, RememberedSecrets *secrets)
    : m_session(session)
    , m_context(context)
    , m_settings(settings)
    , m_hooks(std::move(hooks))
    , m_secrets(secrets)
    , m_user(settings.user.toUtf8())
{}

template<typename Call>
int Authenticator::retry(Call call)
{
    while (true) {
        const int rc = call();
        if (rc != LIBSSH2_ERROR_EAGAIN)
            return rc;
        if (const auto waited = m_hooks.waitSocket(); !waited) {
            m_fatal = waited.error();
            return LIBSSH2_ERROR_SOCKET_TIMEOUT;
        }
    }
}

bool Authenticator::authenticated() const
{
    return libssh2_userauth_authenticated(m_session) != 0;
}

QStringList Authenticator::serverMethods()
{
    while (true) {
        const char *list = libssh2_userauth_list(m_session, m_user.constData(), unsigned(m_user.size()));
        if (list)
            return QString::fromLatin1(list).split(u',', Qt::SkipEmptyParts);
        if (authenticated() || libssh2_session_last_errno(m_session) != LIBSSH2_ERROR_EAGAIN)
            return {};
        if (const auto waited = m_hooks.waitSocket(); !waited) {
            m_fatal = waited.error();
            return {};
        }
    }
}

Result<> Authenticator::run()
{
    QStringList methods = serverMethods();
    const QStringList offered = methods;
    bool agentDone = false, keysDone = false, passwordDone = false;
    int keyboardAttempts = 0; // as OpenSSH's NumberOfPasswordPrompts: a mistyped code may be typed again
    constexpr int maxKeyboardAttempts = 3;
    while (!authenticated() && !m_fatal) {
        const bool publickey = methods.contains(u"publickey");
        if (publickey && !agentDone) {
            agentDone = true;
            tryAgent();
        } else if (publickey && !keysDone) {
            keysDone = true;
            tryKeyFiles();
        } else if (methods.contains(u"keyboard-interactive") && keyboardAttempts < maxKeyboardAttempts) {
            ++keyboardAttempts;
            if (!tryKeyboardInteractive() && m_keyboardCancelled)
                keyboardAttempts = maxKeyboardAttempts; // the person said no: do not ask again
        } else if (methods.contains(u"password") && !passwordDone) {
            passwordDone = true;
            tryPassword();
        } else {
            break;
        }
        if (!authenticated() && !m_fatal)
            methods = serverMethods(); // after a partial success, only what remains
    }
    if (authenticated())
        return {};
    if (m_fatal)
        return failure(*m_fatal);
    QString message = QStringLiteral("%1 did not accept the login as \"%2\".")
                          .arg(QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port), m_settings.user);
    if (!m_tried.isEmpty())
        message += QStringLiteral(" Tried: %1.").arg(m_tried.join(QStringLiteral("; ")));
    if (!offered.isEmpty())
        message += QStringLiteral(" The server accepts: %1.").arg(offered.join(QStringLiteral(", ")));
    return failure(ErrorKind::Refused, message);
}

std::optional<QString> Authenticator::askSecret(SshInteraction::SecretQuestion::Kind kind, const QString &keyFile,
                                                const QString &previousError)
{
    SshInteraction::SecretQuestion question;
    question.kind = kind;
    question.user = m_settings.user;
    question.host = m_settings.host;
    question.keyFile = keyFile;
    question.previousError = previousError;
    question.banner = banner();
    const std::optional<AskedSecret> answer = m_hooks.askSecret(question);
    if (!answer)
        return std::nullopt;
    if (answer->fromPerson) {
        m_personAnswered = true;
        m_secrets->givenByPerson = true;
    }
    return answer->secret;
}

QString Authenticator::banner() const
{
    char *text = nullptr;
    if (libssh2_userauth_banner(m_session, &text) != 0 || !text)
        return {};
    return QString::fromUtf8(text).trimmed();
}

bool Authenticator::tryAgent()
{
    if (!m_settings.useAgent)
        return false;
    if (qEnvironmentVariable("SSH_AUTH_SOCK").isEmpty()) {
        m_tried.append(Tr::tr("ssh-agent (not running)"));
        return false;
    }
    LIBSSH2_AGENT *agent = libssh2_agent_init(m_session);
    if (!agent)
        return false;
    bool done = false;
    if (libssh2_agent_connect(agent) != 0) {
        m_tried.append(Tr::tr("ssh-agent (cannot connect to it)"));
    } else if (libssh2_agent_list_identities(agent) != 0) {
        m_tried.append(Tr::tr("ssh-agent (cannot list its keys)"));
    } else {
        QList<QByteArray> allowed;
        if (m_settings.identitiesOnly) {
            for (const QString &file : m_settings.identityFiles)
                allowed.append(publicKeyBlob(file));
        }
        int offeredKeys = 0;
        libssh2_agent_publickey *identity = nullptr;
        libssh2_agent_publickey *previous = nullptr;
        while (!done && !m_fatal && libssh2_agent_get_identity(agent, &identity, previous) == 0) {
            previous = identity;
            const QByteArray blob(reinterpret_cast<const char *>(identity->blob), qsizetype(identity->blob_len));
            if (m_settings.identitiesOnly && !allowed.contains(blob))
                continue;
            ++offeredKeys;
            const int rc = retry([&] { return libssh2_agent_userauth(agent, m_user.constData(), identity); });
            if (rc == 0 || authenticated())
                done = true;
            else if (!m_fatal && !serverMethods().contains(u"publickey"))
                done = true; // partial success: the server wants another method now
        }
        if (!done)
            m_tried.append(offeredKeys == 0 ? Tr::tr("ssh-agent (no keys)")
                                            : Tr::tr("ssh-agent (%1 keys, none accepted)").arg(offeredKeys));
        libssh2_agent_disconnect(agent);
    }
    libssh2_agent_free(agent);
    return done;
}

bool Authenticator::tryKeyFiles()
{
    for (const QString &file : m_settings.identityFiles) {
        if (m_fatal)
            return false;
        if (!QFileInfo::exists(file)) {
            m_tried.append(Tr::tr("key %1 (no such file)").arg(shortPath(file)));
            continue;
        }
        const QByteArray path = QFile::encodeName(file);
        const bool encrypted = keyIsEncrypted(file);
        QString error;
        for (int attempt = 0; attempt < 3; ++attempt) {
            QString passphrase;
            if (encrypted) {
                if (attempt == 0 && m_secrets->passphrases.contains(file)) {
                    passphrase = m_secrets->passphrases.value(file);
                } else {
                    const auto answer = askSecret(SshInteraction::SecretQuestion::Kind::KeyPassphrase, file, error);
                    if (!answer) {
                        error = Tr::tr("passphrase not given");
                        break;
                    }
                    passphrase = *answer;
                }
            }
            const QByteArray secret = passphrase.toUtf8();
            const int rc = retry([&] {
                return libssh2_userauth_publickey_fromfile_ex(m_session, m_user.constData(), unsigned(m_user.size()),
                                                              nullptr, path.constData(), secret.constData());
            });
            if (rc == 0 || authenticated()) {
                if (encrypted)
                    m_secrets->passphrases.insert(file, passphrase);
                return true;
            }
            if (m_fatal)
                return false;
            if (rc == LIBSSH2_ERROR_FILE && encrypted) {
                m_secrets->passphrases.remove(file);
                error = Tr::tr("wrong passphrase");
                continue;
            }
            if (rc == LIBSSH2_ERROR_FILE) {
                error = Tr::tr("unreadable or unsupported key format");
                break;
            }
            if (!serverMethods().contains(u"publickey")) {
                if (encrypted)
                    m_secrets->passphrases.insert(file, passphrase);
                return true; // partial success
            }
            error = Tr::tr("not accepted");
            break;
        }
        m_tried.append(Tr::tr("key %1 (%2)").arg(shortPath(file), error));
    }
    return false;
}

namespace {
void keyboardCallback(const char *name, int nameLength, const char *instruction, int instructionLength, int count,
                      const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts, LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses,
                      void **abstract)
{
    static_cast<SessionContext *>(*abstract)->authenticator->answerPrompts(name, nameLength, instruction,
                                                                           instructionLength, count, prompts,
                                                                           responses);
}
} // namespace

namespace {
// "Password:", "carol's password:", "Password for carol@hawk:", "(carol@hawk) Password:" -- but not
// "One-time password (OATH) for `bob':" or "Verification code:". A keyboard-interactive round that
// asks only this is the account password (PAM asks it so): it is asked, reused and remembered like
// one, so that logging in the same way twice asks once.
bool isPasswordPrompt(const QString &prompt)
{
    static const QRegularExpression pattern(QStringLiteral(
                                                R"(^(\([^)]*\)\s*)?([\w.@-]+'s\s+)?password(\s+for\s+\S+)?\s*:?\s*$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(prompt.trimmed()).hasMatch();
}
} // namespace

void Authenticator::answerPrompts(const char *name, int nameLength, const char *instruction, int instructionLength,
                                  int count, const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts,
                                  LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses)
{
    ++m_keyboardRounds;
    if (count <= 0)
        return; // an information-only round (PAM sends them)
    SshInteraction::KeyboardInteractiveQuestion question;
    question.user = m_settings.user;
    question.host = m_settings.host;
    question.name = QString::fromUtf8(name, nameLength);
    question.instruction = QString::fromUtf8(instruction, instructionLength);
    question.banner = banner();
    if (m_keyboardRounds == 1)
        question.previousError = m_lastRejection; // the last attempt's answers were refused
    for (int i = 0; i < count; ++i) {
        question.prompts.append(
            {QString::fromUtf8(reinterpret_cast<const char *>(prompts[i].text), qsizetype(prompts[i].length)),
             prompts[i].echo != 0});
    }
    std::optional<QStringList> answers;
    if (m_keyboardCancelled) {
        // no answer
    } else if (count == 1 && !question.prompts.first().echo && isPasswordPrompt(question.prompts.first().text)) {
        // A second password round in one exchange, or a new exchange after a refusal: the last answer was wrong.
        const bool refused = m_passwordPrompts++ > 0 || !m_lastRejection.isEmpty();
        if (refused && m_promptPassword && m_promptPassword == m_secrets->password)
            m_secrets->password.reset();
        if (!refused && m_secrets->password)
            m_promptPassword = m_secrets->password;
        else
            m_promptPassword =
                askSecret(SshInteraction::SecretQuestion::Kind::Password, {},
                          refused ? Tr::tr("%1 did not accept that password.")
                                        .arg(QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port))
                                  : QString());
        if (m_promptPassword)
            answers = QStringList{*m_promptPassword};
    } else {
        m_personAnswered = true; // a second factor, or whatever else the server asks a person
        answers = m_hooks.askKeyboard(question);
    }
    if (!answers)
        m_keyboardCancelled = true;
    for (int i = 0; i < count; ++i) {
        const QByteArray answer = answers ? answers->value(i).toUtf8() : QByteArray();
        responses[i].text = copyForLibssh2(answer, m_context->memory);
        responses[i].length = responses[i].text ? unsigned(answer.size()) : 0;
    }
}

bool Authenticator::tryKeyboardInteractive()
{
    // libssh2 hands the callback the session's context: it finds this authenticator there.
    m_context->authenticator = this;
    m_keyboardCancelled = false;
    m_keyboardRounds = 0;
    m_passwordPrompts = 0;
    const int rc = retry([&] {
        return libssh2_userauth_keyboard_interactive_ex(m_session, m_user.constData(), unsigned(m_user.size()),
                                                        keyboardCallback);
    });
    m_context->authenticator = nullptr;
    m_lastRejection.clear(); // it was shown in this attempt's first question
    if (rc == 0 || authenticated()) {
        if (m_promptPassword)
            m_secrets->password = m_promptPassword; // for reconnecting
        return true;
    }
    if (m_fatal)
        return false;
    const QString tried = m_keyboardCancelled ? Tr::tr("keyboard-interactive (cancelled)")
                                              : Tr::tr("keyboard-interactive (the answers were not accepted)");
    if (m_tried.isEmpty() || m_tried.last() != tried)
        m_tried.append(tried);
    if (!m_keyboardCancelled)
        m_lastRejection = Tr::tr("The server did not accept that answer.");
    return false;
}

bool Authenticator::tryPassword()
{
    // A password typed into a keyboard-interactive prompt just now was refused: say so when asking again.
    QString error = std::exchange(m_lastRejection, QString());
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString password;
        if (attempt == 0 && m_secrets->password) {
            password = *m_secrets->password;
        } else {
            const auto answer = askSecret(SshInteraction::SecretQuestion::Kind::Password, {}, error);
            if (!answer) {
                m_tried.append(Tr::tr("password (cancelled)"));
                return false;
            }
            password = *answer;
        }
        const QByteArray secret = password.toUtf8();
        const int rc = retry([&] {
            return libssh2_userauth_password_ex(m_session, m_user.constData(), unsigned(m_user.size()),
                                                secret.constData(), unsigned(secret.size()), nullptr);
        });
        if (rc == 0 || authenticated()) {
            m_secrets->password = password;
            return true;
        }
        if (m_fatal)
            return false;
        m_secrets->password.reset();
        error = Tr::tr("The password was not accepted.");
    }
    m_tried.append(Tr::tr("password (not accepted)"));
    return false;
}

} // namespace sshcore::detail
