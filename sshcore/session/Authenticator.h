// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshConnectionSettings.h"
#include "sshcore/SshInteraction.h"

#include <QHash>
#include <QString>

#include <functional>
#include <libssh2.h>
#include <optional>

namespace sshcore::detail {

// Secrets a person gave during this session, kept in memory only, so that a reconnect after a
// dropped link does not ask again for what cannot have changed (passwords, key passphrases).
struct RememberedSecrets
{
    std::optional<QString> password;
    QHash<QString, QString> passphrases; // by key file
    bool givenByPerson = false;          // one of them was typed (not remembered elsewhere)
};

// A secret as the interaction gave it, and whether a person typed it.
struct AskedSecret
{
    QString secret;
    bool fromPerson = true;
};

class Authenticator;
class SessionMemory;

// What libssh2's callbacks get as their "abstract" pointer: the worker (for the receive callback),
// during keyboard-interactive the authenticator answering the prompts, and the session's memory.
struct SessionContext
{
    void *worker = nullptr;
    Authenticator *authenticator = nullptr;
    SessionMemory *memory = nullptr; // what libssh2 allocates through
};

// Hooks the authenticator needs from its worker: wait until the socket is ready (or fail on timeout
// or cancellation), and ask the person something and wait for the answer.
struct AuthHooks
{
    std::function<Result<>()> waitSocket;
    std::function<std::optional<AskedSecret>(const SshInteraction::SecretQuestion &)> askSecret;
    std::function<std::optional<QStringList>(const SshInteraction::KeyboardInteractiveQuestion &)> askKeyboard;
};

// Logs in with whatever the server accepts, in OpenSSH's order: agent keys, key files,
// keyboard-interactive, password; and continues after partial success (publickey,keyboard-interactive).
// Fails with a message saying which methods were tried and why each failed.
class Authenticator
{
public:
    Authenticator(LIBSSH2_SESSION *session, SessionContext *context, const SshConnectionSettings &settings,
                  AuthHooks hooks, RememberedSecrets *secrets);

    Result<> run();
    // A person answered something in this login (a typed secret, a second factor), or it used a
    // secret a person typed earlier: another session could not log in the same way unattended.
    bool personAnswered() const { return m_personAnswered || m_secrets->givenByPerson; }

    // Called by libssh2's keyboard-interactive callback (same thread).
    void answerPrompts(const char *name, int nameLength, const char *instruction, int instructionLength, int count,
                       const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts, LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses);

private:
    template<typename Call>
    int retry(Call call);
    QStringList serverMethods();
    QString banner() const; // the server's pre-login banner, once it has arrived
    std::optional<QString> askSecret(SshInteraction::SecretQuestion::Kind kind, const QString &keyFile,
                                     const QString &previousError);
    bool tryAgent();
    bool tryKeyFiles();
    bool tryKeyboardInteractive();
    bool tryPassword();
    bool authenticated() const;

    LIBSSH2_SESSION *m_session;
    SessionContext *m_context;
    const SshConnectionSettings &m_settings;
    AuthHooks m_hooks;
    RememberedSecrets *m_secrets;
    QByteArray m_user;
    QStringList m_tried;          // "public key ~/.ssh/id_ed25519: not accepted", ...
    std::optional<Error> m_fatal; // cancelled or the link failed
    bool m_keyboardCancelled = false;
    QString m_lastRejection; // why the last answer a person typed failed, for the next question
    int m_keyboardRounds = 0;
    int m_passwordPrompts = 0;               // keyboard-interactive rounds that asked for the password
    std::optional<QString> m_promptPassword; // what the last of them was answered with
    bool m_personAnswered = false;
};

} // namespace sshcore::detail
