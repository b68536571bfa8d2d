// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sshcore {

// What a connection may need to ask a person: whether to trust an unknown host key, a password or
// key passphrase, and keyboard-interactive prompts (a TOTP code, Duo). The GUI answers with dialogs,
// the CLI on the terminal, tests with scripted answers. Questions arrive on this object's thread;
// answer by calling the callback once (now or later). Not answering blocks only that connection.
class SshInteraction : public QObject
{
    Q_OBJECT

public:
    enum class HostKeyDecision { Reject, AcceptOnce, AcceptAndSave };

    struct HostKeyQuestion
    {
        QString host;
        quint16 port = 22;
        QString keyType;           // "ssh-ed25519"
        QString fingerprintSha256; // "SHA256:..."
        QString knownHostsFile;    // where "accept and save" writes (for a changed key: where the old one is)
    };

    // A known host whose key is now different: the connection is refused before anything is sent.
    struct HostKeyChange
    {
        HostKeyQuestion key;   // the key the server presents now, and the known_hosts file with the old one
        QString removeCommand; // "ssh-keygen -R '[host]:port' -f file", for when the change was announced
    };

    struct SecretQuestion
    {
        enum class Kind { Password, KeyPassphrase };
        Kind kind = Kind::Password;
        QString user;
        QString host;
        QString keyFile;       // for a passphrase
        QString previousError; // why the last answer did not work, if it did not
        QString banner;        // what the server said before login, if anything
    };

    struct Prompt
    {
        QString text;
        bool echo = false;
    };

    struct KeyboardInteractiveQuestion
    {
        QString user;
        QString host;
        QString name;
        QString instruction;
        QList<Prompt> prompts;
        QString banner;        // what the server said before login, if anything
        QString previousError; // why the last answers did not work, if they did not
    };

    // Where a secret came from: a person, or what was remembered (a keyring).
    enum class AnswerSource { Person, Remembered };

    using QObject::QObject;

    virtual void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) = 0;
    // std::nullopt: the person cancelled.
    virtual void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) = 0;
    virtual void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                        std::function<void(std::optional<QStringList>)> answer) = 0;
    // The server's pre-login banner, if it sends one.
    virtual void showBanner(const QString &banner) { Q_UNUSED(banner) }
    // The server's host key changed; the connection fails after this with the same facts in its message.
    virtual void warnHostKeyChanged(const HostKeyChange &change) { Q_UNUSED(change) }
    // Where the secret just given came from; asked on this object's thread right after askSecret()
    // answered. Unless an interaction knows better, a person gave it: a login that used it then
    // needed a person, and gets no extra sessions that would reuse it.
    virtual AnswerSource lastSecretSource() const { return AnswerSource::Person; }
};

} // namespace sshcore
