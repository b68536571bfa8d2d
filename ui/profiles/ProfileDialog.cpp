// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/profiles/ProfileDialog.h"

#include "sshcore/SshEndpoint.h"
#include "ui/widgets/Palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using app::Profile;

namespace {

struct Swatch
{
    const char *name;
    const char *colour;
};
constexpr Swatch swatches[] = {{QT_TRANSLATE_NOOP("ui::ProfileDialog", "Default"), ""},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Blue"), "#2b6fd6"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Green"), "#2e8b57"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Teal"), "#138a8a"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Purple"), "#7b4bc4"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Orange"), "#d9822b"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Red"), "#c73e3e"},
                               {QT_TRANSLATE_NOOP("ui::ProfileDialog", "Grey"), "#6b7280"}};

QIcon swatchIcon(const QString &colour, const QPalette &palette)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette.color(QPalette::Mid), 1));
    painter.setBrush(colour.isEmpty() ? palette.color(QPalette::Highlight) : QColor::fromString(colour));
    painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
    return QIcon(pixmap);
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

QStringList splitJumpHosts(const QString &text)
{
    QStringList hops;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            hops.append(part.trimmed());
    }
    return hops;
}

} // namespace

ProfileDialog::ProfileDialog(const Profile &profile, bool adding, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
    , m_name(new QLineEdit(profile.name, this))
    , m_host(new QLineEdit(profile.host, this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(profile.user, this))
    , m_authentication(new QComboBox(this))
    , m_keyFile(new QLineEdit(profile.keyFile, this))
    , m_jumpHosts(new QLineEdit(profile.jumpHosts.join(QStringLiteral(", ")), this))
    , m_scheduler(new QComboBox(this))
    , m_remoteDirectory(new QLineEdit(profile.remoteDirectory, this))
    , m_partition(new QLineEdit(profile.defaultPartition, this))
    , m_account(new QLineEdit(profile.defaultAccount, this))
    , m_colour(new QComboBox(this))
    , m_knownHosts(new QLineEdit(profile.knownHostsFile, this))
    , m_remember(new QCheckBox(tr("Remember passwords and key passphrases in the system &keyring"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(adding ? tr("Add a cluster") : tr("Edit %1").arg(profile.name));

    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("Named after the host if left empty"));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("login.cluster.example.org, or a Host from ~/.ssh/config"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(profile.port);
    m_port->setMinimumWidth(90);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(QDir::home().dirName());
    m_authentication->setObjectName(QStringLiteral("authentication"));
    for (const auto method :
         {Profile::Authentication::Automatic, Profile::Authentication::Agent, Profile::Authentication::KeyFile,
          Profile::Authentication::Password, Profile::Authentication::KeyboardInteractive})
        m_authentication->addItem(Profile::authenticationName(method), int(method));
    m_authentication->setCurrentIndex(m_authentication->findData(int(profile.authentication)));
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    m_keyFile->setPlaceholderText(tr("~/.ssh/id_ed25519"));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("browseKeyFile"));
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString start = m_keyFile->text().isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh")
                                                          : m_keyFile->text();
        auto *dialog = new QFileDialog(this, tr("Choose your private key"), start);
        dialog->setObjectName(QStringLiteral("keyFileDialog"));
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_keyFile, &QLineEdit::setText);
        dialog->open(); // not exec(): no event loop inside this one
    });
    m_jumpHosts->setObjectName(QStringLiteral("jumpHosts"));
    m_jumpHosts->setPlaceholderText(tr("user@gateway.example.org:22, nearest first"));
    m_scheduler->setObjectName(QStringLiteral("scheduler"));
    for (const auto scheduler : {Profile::Scheduler::Unknown, Profile::Scheduler::Slurm, Profile::Scheduler::Pbs,
                                 Profile::Scheduler::Lsf, Profile::Scheduler::GridEngine, Profile::Scheduler::None})
        m_scheduler->addItem(Profile::schedulerName(scheduler), int(scheduler));
    m_scheduler->setCurrentIndex(m_scheduler->findData(int(profile.scheduler)));
    m_remoteDirectory->setObjectName(QStringLiteral("remoteDirectory"));
    m_remoteDirectory->setPlaceholderText(tr("Your home directory"));
    m_partition->setObjectName(QStringLiteral("partition"));
    m_partition->setPlaceholderText(tr("The cluster's default"));
    m_account->setObjectName(QStringLiteral("account"));
    m_account->setPlaceholderText(tr("Your default account"));
    m_colour->setObjectName(QStringLiteral("colour"));
    for (const Swatch &swatch : swatches)
        m_colour->addItem(swatchIcon(QString::fromLatin1(swatch.colour), palette()), tr(swatch.name),
                          QString::fromLatin1(swatch.colour));
    int colourIndex = m_colour->findData(profile.colour);
    if (colourIndex < 0) {
        m_colour->addItem(swatchIcon(profile.colour, palette()), profile.colour, profile.colour);
        colourIndex = m_colour->count() - 1;
    }
    m_colour->setCurrentIndex(colourIndex);
    m_knownHosts->setObjectName(QStringLiteral("knownHostsFile"));
    m_knownHosts->setPlaceholderText(tr("As in ~/.ssh/config, else ~/.ssh/known_hosts"));
    m_remember->setObjectName(QStringLiteral("rememberSecrets"));
    m_remember->setChecked(profile.rememberSecrets);
    m_remember->setToolTip(tr("Otherwise clusterdesk keeps them in memory until it quits. Nothing is ever "
                              "written to disk in clear text."));

    auto *address = new QHBoxLayout;
    address->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    address->addWidget(portLabel);
    address->addWidget(m_port);
    auto *key = new QHBoxLayout;
    key->addWidget(m_keyFile, 1);
    key->addWidget(browse);

    auto *connection = new QFormLayout;
    connection->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    connection->addRow(tr("&Name:"), m_name);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    connection->addRow(hostLabel, address);
    connection->addRow(tr("&User:"), m_user);
    connection->addRow(tr("&Log in with:"), m_authentication);
    auto *keyLabel = new QLabel(tr("&Key file:"), this);
    keyLabel->setBuddy(m_keyFile);
    connection->addRow(keyLabel, key);
    connection->addRow(tr("&Jump hosts:"), m_jumpHosts);

    auto *work = new QFormLayout;
    work->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    work->addRow(tr("&Scheduler:"), m_scheduler);
    work->addRow(tr("Remote &directory:"), m_remoteDirectory);
    work->addRow(tr("&Partition / queue:"), m_partition);
    work->addRow(tr("&Account:"), m_account);
    work->addRow(tr("&Colour:"), m_colour);

    auto *security = new QFormLayout;
    security->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    security->addRow(tr("K&nown hosts file:"), m_knownHosts);
    security->addRow(QString(), m_remember);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    palette::showAsProblem(m_problem);

    m_buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("&Add cluster") : tr("&Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("ok"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sectionLabel(tr("Connection"), this));
    layout->addLayout(connection);
    layout->addWidget(sectionLabel(tr("Jobs and files"), this));
    layout->addLayout(work);
    layout->addWidget(sectionLabel(tr("Security"), this));
    layout->addLayout(security);
    layout->addStretch(1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    for (QLineEdit *field : {m_host, m_keyFile, m_jumpHosts, m_name})
        connect(field, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateState);
    updateState();
    (profile.host.isEmpty() ? m_host : m_name)->setFocus();
}

QString ProfileDialog::problem() const
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        return tr("Enter the cluster's login host.");
    if (host.contains(u' ') || host.contains(u'@'))
        return tr("The host is a name or address only; put the user name under User.");
    for (const QString &hop : splitJumpHosts(m_jumpHosts->text())) {
        if (const auto parsed = sshcore::SshEndpoint::parse(hop); !parsed)
            return tr("Jump host \"%1\": %2").arg(hop, parsed.error().message);
    }
    const auto method = Profile::Authentication(m_authentication->currentData().toInt());
    if (method == Profile::Authentication::KeyFile && m_keyFile->text().trimmed().isEmpty())
        return tr("Choose the key file to log in with.");
    return {};
}

void ProfileDialog::updateState()
{
    const QString problem = this->problem();
    // Only speak up once the user has typed something: an empty new dialog is not an error.
    m_problem->setText(m_host->text().isEmpty() ? QString() : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    const auto method = Profile::Authentication(m_authentication->currentData().toInt());
    const bool usesKey = method == Profile::Authentication::Automatic || method == Profile::Authentication::KeyFile;
    m_keyFile->setEnabled(usesKey);
}

Profile ProfileDialog::profile() const
{
    Profile profile = m_original;
    profile.host = m_host->text().trimmed();
    profile.name = m_name->text().trimmed().isEmpty() ? profile.host : m_name->text().trimmed();
    profile.port = quint16(m_port->value());
    profile.user = m_user->text().trimmed();
    profile.authentication = Profile::Authentication(m_authentication->currentData().toInt());
    profile.keyFile = m_keyFile->isEnabled() ? m_keyFile->text().trimmed() : QString();
    profile.jumpHosts = splitJumpHosts(m_jumpHosts->text());
    profile.scheduler = Profile::Scheduler(m_scheduler->currentData().toInt());
    profile.remoteDirectory = m_remoteDirectory->text().trimmed();
    profile.defaultPartition = m_partition->text().trimmed();
    profile.defaultAccount = m_account->text().trimmed();
    profile.colour = m_colour->currentData().toString();
    profile.knownHostsFile = m_knownHosts->text().trimmed();
    profile.rememberSecrets = m_remember->isChecked();
    return profile;
}

} // namespace ui
