// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/welcome/WelcomeView.h"

#include "ui/widgets/Fonts.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Palette.h"

#include <QCommandLinkButton>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

WelcomeView::WelcomeView(QWidget *parent)
    : QWidget(parent)
    , m_import(new QCommandLinkButton(tr("Import from ~/.ssh/config"), this))
    , m_add(new QCommandLinkButton(tr("Add a cluster"), this))
    , m_demo(new QCommandLinkButton(tr("Try the demo cluster"), this))
    , m_demoProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomeView"));

    auto *logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(96, 96));
    logo->setAlignment(Qt::AlignHCenter);
    auto *title = new QLabel(tr("Welcome to clusterdesk"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    makeHeading(title, 1.8);
    title->setAlignment(Qt::AlignHCenter);
    auto *subtitle = new QLabel(tr("Your cluster's files, jobs and Jupyter, without a terminal. "
                                   "Start by telling clusterdesk where your cluster is."),
                                this);
    subtitle->setWordWrap(true);
    subtitle->setAlignment(Qt::AlignHCenter);

    m_import->setObjectName(QStringLiteral("importSshConfig"));
    m_import->setIcon(themedIcon(QStringLiteral("document-import"), QStringLiteral("import")));
    m_add->setObjectName(QStringLiteral("addCluster"));
    m_add->setIcon(themedIcon(QStringLiteral("list-add"), QStringLiteral("add")));
    m_demo->setObjectName(QStringLiteral("tryDemo"));
    m_demo->setDescription(tr("A real Slurm cluster running on this computer: log in, look around, submit a job."));
    m_demo->setIcon(themedIcon(QStringLiteral("applications-science"), QStringLiteral("demo")));
    for (QCommandLinkButton *button : {m_import, m_add, m_demo})
        button->setIconSize(QSize(28, 28));
    m_add->setDescription(tr("Enter its login host and your user name; clusterdesk asks for the rest."));
    m_demoProblem->setObjectName(QStringLiteral("demoProblem"));
    m_demoProblem->setWordWrap(true);
    palette::showAsProblem(m_demoProblem);
    m_demoProblem->hide();

    connect(m_import, &QCommandLinkButton::clicked, this, &WelcomeView::importRequested);
    connect(m_add, &QCommandLinkButton::clicked, this, &WelcomeView::addRequested);
    connect(m_demo, &QCommandLinkButton::clicked, this, &WelcomeView::demoRequested);

    auto *column = new QVBoxLayout;
    column->addWidget(logo);
    column->addSpacing(8);
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(20);
    column->addWidget(m_import);
    column->addWidget(m_add);
    column->addWidget(m_demo);
    column->addWidget(m_demoProblem);

    auto *centre = new QWidget(this);
    centre->setLayout(column);
    centre->setFixedWidth(540);
    // Centred by stretches, not by an alignment: an aligned widget gets its size hint's height, which
    // does not know how many lines the wrapped subtitle takes at this width, and the logo was cut.
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(centre);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    setSshConfigHosts(0);
    setDemoCluster(false);
}

void WelcomeView::setSshConfigHosts(int count)
{
    m_import->setEnabled(count > 0);
    m_import->setDescription(count > 0 ? (count == 1 ? tr("1 host found: add it as a cluster.")
                                                     : tr("%1 hosts found: choose the clusters among them.").arg(count))
                                       : tr("No Host entries found in ~/.ssh/config."));
}

void WelcomeView::setDemoCluster(bool running, const QString &problem)
{
    m_demo->setVisible(running);
    m_demoProblem->setText(problem);
    m_demoProblem->setVisible(!problem.isEmpty());
}

} // namespace ui
