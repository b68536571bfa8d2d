// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/TerminalInteraction.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

} // namespace

TerminalInteraction::TerminalInteraction(bool batch, QObject *parent)
    : SshInteraction(parent)
    , m_batch(batch)
{}

std::optional<QString> TerminalInteraction::readLine(const QString &prompt, bool echo)
{
    if (m_batch)
        return std::nullopt;
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0)
        return std::nullopt;
    const QByteArray text = prompt.toLocal8Bit();
    [[maybe_unused]] auto written = ::write(tty, text.constData(), size_t(text.size()));
    termios saved = {};
    const bool isTerminal = tcgetattr(tty, &saved) == 0;
    if (isTerminal && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c;
    bool ok = false;
    while (::read(tty, &c, 1) == 1) {
        if (c == '\n') {
            ok = true;
            break;
        }
        line += c;
    }
    if (isTerminal && !echo) {
        tcsetattr(tty, TCSAFLUSH, &saved);
        written = ::write(tty, "\n", 1);
    }
    ::close(tty);
    if (!ok)
        return std::nullopt;
    return QString::fromLocal8Bit(line);
}

void TerminalInteraction::askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer)
{
    //: Keep "(yes/no)" as it is: the answer is typed in English, as ssh's
    const QString prompt = Tr::tr("The authenticity of host '[%1]:%2' can't be established.\n"
                                  "%3 key fingerprint is %4.\n"
                                  "Are you sure you want to continue connecting (yes/no)?")
                               .arg(question.host, QString::number(question.port), question.keyType,
                                    question.fingerprintSha256)
                           + u' ';
    while (true) {
        const auto reply = readLine(prompt, true);
        if (!reply || reply->trimmed().compare(u"no", Qt::CaseInsensitive) == 0)
            return answer(HostKeyDecision::Reject);
        if (reply->trimmed().compare(u"yes", Qt::CaseInsensitive) == 0)
            return answer(HostKeyDecision::AcceptAndSave);
    }
}

void TerminalInteraction::askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer)
{
    QString prompt = question.previousError.isEmpty() ? QString() : question.previousError + u'\n';
    if (question.kind == SecretQuestion::Kind::KeyPassphrase)
        prompt += Tr::tr("Enter passphrase for key '%1':").arg(question.keyFile) + u' ';
    else
        prompt += Tr::tr("%1@%2's password:").arg(question.user, question.host) + u' ';
    answer(readLine(prompt, false));
}

void TerminalInteraction::askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                                 std::function<void(std::optional<QStringList>)> answer)
{
    if (!question.previousError.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(question.previousError));
    if (!question.instruction.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(question.instruction));
    QStringList answers;
    for (const Prompt &prompt : question.prompts) {
        const auto reply = readLine(prompt.text, prompt.echo);
        if (!reply)
            return answer(std::nullopt);
        answers.append(*reply);
    }
    answer(answers);
}

void TerminalInteraction::showBanner(const QString &banner)
{
    std::fprintf(stderr, "%s\n", qPrintable(banner));
}

} // namespace cli
