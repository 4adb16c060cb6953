"""English renderings for the government website cloud security guide (editorial), keyed by the Chinese text."""

TITLES_EN = {
    '5': 'Overview',
    '5.1': 'General',
    '5.2': 'Security risks',
    '5.2.1': 'Security risks of moving government websites to the cloud',
    '5.3': 'Security roles',
    '5.4': 'Cloud service life cycle',
    '6': 'Planning and preparation',
    '6.1': 'Overview',
    '6.2': 'Security duties',
    '6.2.1': 'Cloud service customer',
    '6.2.2': 'Cloud service provider',
    '6.2.3': 'Cloud service agent',
    '6.2.4': 'Third-party assessor',
    '6.3': 'Requirements analysis',
    '6.3.1': 'Survey of the website',
    '6.3.2': 'Decision to move the website to the cloud',
    '6.3.3': 'Resource requirements',
    '6.3.4': 'Security requirements',
    '6.3.4.1': 'Secure deployment and isolation',
    '6.3.4.2': 'Web application security',
    '6.3.4.3': 'Domain name security',
    '6.3.4.4': 'Content security',
    '6.3.4.5': 'Requirements report',
    '6.3.5': 'Service model selection',
    '6.4': 'Cloud migration plan (heading lost in the working copy)',
    '6.5': 'Selection of providers and agents (heading lost in the working copy)',
    '6.6': 'Contracts (heading lost in the working copy)',
    '6.6.1': 'Service contract',
    '6.6.2': 'Service level agreement',
    '6.6.3': 'Confidentiality agreement',
    '7': 'Deployment and migration',
    '7.1': 'Overview',
    '7.2': 'Security duties',
    '7.2.1': 'Cloud service customer',
    '7.2.2': 'Cloud service provider',
    '7.2.3': 'Cloud service agent',
    '7.2.4': 'Third-party assessor',
    '7.3': 'Migration implementation (heading lost in the working copy)',
    '7.3.1': 'Migration preparation',
    '7.3.2': 'Application migration',
    '7.3.3': 'Application switch-over (heading lost in the working copy)',
    '7.3.4': 'Rollback (heading lost in the working copy)',
    '7.3.5': 'Security optimisation (heading lost in the working copy)',
    '7.3.6': 'Revision of management rules (heading lost in the working copy)',
    '7.3.7': 'Security contingency plan',
    '7.4': 'Trial run and acceptance (heading lost in the working copy)',
    '7.4.1': 'Trial run (heading lost in the working copy)',
    '7.4.2': 'Security compliance acceptance (heading lost in the working copy)',
    '7.4.3': 'Deliverables and training (heading lost in the working copy)',
    '8': 'Operation management',
    '8.1': 'Overview',
    '8.2': 'Security duties',
    '8.2.1': 'Cloud service customer',
    '8.2.2': 'Cloud service provider',
    '8.2.3': 'Cloud service agent',
    '8.2.4': 'Third-party assessor',
    '8.3': 'Security precautions',
    '8.4': 'Security monitoring',
    '8.4.1': 'Monitoring of the website',
    '8.4.1.1': 'Monitoring of the website',
    '8.4.1.2': 'Availability monitoring',
    '8.4.1.3': 'Web content monitoring',
    '8.4.1.4': 'Website business security monitoring',
    '8.4.1.5': 'Website environment security monitoring',
    '8.4.2': 'Monitoring of providers',
    '8.4.2.1': 'Monitoring requirements for the cloud service provider',
    '8.4.2.2': 'Monitoring requirements for cloud service agents',
    '8.5': 'Emergency response',
    '8.6': 'Assessment and improvement',
    '9': 'Exit',
    '9.1': 'Overview',
    '9.2': 'Security duties',
    '9.2.1': 'Cloud service customer',
    '9.2.2': 'Cloud service provider',
    '9.2.3': 'Cloud service agent',
    '9.2.4': 'Third-party assessor',
    '9.3': 'Secure exit from the service',
    '9.3.1': 'Exit requirements',
    '9.3.2': 'Exit plan',
    '9.3.3': 'Data hand-over',
    '9.3.4': 'Data integrity',
    '9.3.5': 'Data destruction',
}

EN = {
    '本文中凡涉及到采用密码技术解决机密性、完整性、不可否认性需求的须遵循密码相关国家标准和行业标准。':
        'Wherever cryptography is used to meet confidentiality, integrity or non-repudiation needs, the national and industry cryptography standards shall be followed.',
    '系统不一致。政府网站系统作为一套信息系统，由很多软硬件组成，且各组件之间关系复杂，迁移过程中存在漏迁、错迁的风险。':
        'System inconsistency: a government website is an information system of many hardware and software components with complex relations, so components may be missed or migrated wrongly.',
    '数据不一致。政府网站系统作为在线系统，包含大量业务数据并动态增加，迁移过程中存在数据迁移不完整、错误等风险。':
        'Data inconsistency: a government website is an online system with large and growing business data, so data may be migrated incompletely or wrongly.',
    '配置不一致。政府网站系统的管理及安全配置在迁移过程中存在配置意外变更、配置错误等风险。':
        'Configuration inconsistency: management and security configurations of the website may change unexpectedly or be set wrongly during migration.',
    '软件不兼容。政府网站系统在原有环境下运行正常，迁移到新的云环境下，系统原有的组成软件在云环境下存在无法安装使用或运行不稳定的风险。':
        'Software incompatibility: software that ran normally in the original environment may fail to install or run unstably in the new cloud environment.',
    '回退机制失效。政府网站系统在迁移前制定的回退机制可能存在错误、遗漏等问题，导致迁移过程中回退时失败的风险。':
        'Rollback failure: the rollback mechanism prepared before migration may contain errors or omissions, so rolling back during migration may fail.',
    '网站切换失败。政府网站迁移至云平台后，在新旧网站进行业务切换时，存在因域名切换失败、系统异常等问题，导致切换失败的风险。':
        'Switch-over failure: after migration, switching business from the old to the new website may fail because of domain name switch failures, system anomalies and the like.',
    '可管理性较弱。云服务商可能未能提供与云服务客户预期一致的管理能力，对于按需供给的服务能力的监管较弱。':
        'Weak manageability: the provider may not offer the management capability the customer expects, and supervision of on-demand service capability is weak.',
    '云服务客户采购和使用云计算服务的过程可分为规划准备、部署迁移、运行管理、退出服务四个阶段。参与这四个阶段的云计算服务的主要角色及关系如下：':
        "The customer's procurement and use of cloud services can be divided into four phases: planning and preparation, deployment and migration, operation management, and exit. The main roles taking part in these phases and their relations are as follows:",
    '云服务客户即政府网站的所属方或运营单位。':
        'The cloud service customer is the owner or operator of the government website.',
    '云服务商是为云服务客户提供云计算产品与服务的专业机构，通常为法人企业或企业联合。':
        'The cloud service provider is a professional organisation offering cloud products and services to customers, usually a legal-person enterprise or consortium.',
    '云服务代理商是对云服务客户可提供不限于网站开发、网站迁移、网站部署、安全保障等服务的服务提供商，具体可分为网站开发商、系统集成商、安全服务商等。':
        'The cloud service agent is a service provider offering the customer services such as website development, migration, deployment and security assurance; agents are website developers, system integrators, security service providers, etc.',
    '网站开发商是为云服务客户提供公有云上网站开发的服务提供商，负责网站的系统架构、Web安全功能设计、代码实现及源代码安全、软件部署安全等。':
        'The website developer develops the website on the public cloud for the customer and is responsible for its system architecture, web security design, code and source-code security, secure software deployment, etc.',
    '系统集成商指为云服务客户提供系统集成，可对迁移至公有云的政府网站提供网站建设、迁移、运维服务等。':
        'The system integrator provides system integration for the customer and can build, migrate and operate the government website moved to the public cloud.',
    '安全服务商为政府网站提供安全保障的服务提供商，可提供安全咨询、网站安全建设规划、网站安全优化、网站安全监测防护、应急响应等服务。':
        "The security service provider assures the website's security and can offer security consulting, security construction planning, security optimisation, security monitoring and protection, emergency response and similar services.",
    '第三方评估机构是对云服务商与云服务客户开展独立的安全评估，具备国家授予的相应资格的企业或组织。':
        'The third-party assessor is an enterprise or organisation with the state-granted qualifications that carries out independent security assessments of providers and customers.',
    '政府网站采用云计算服务的过程可分为四个阶段：':
        'The process of a government website adopting cloud services can be divided into four phases:',
    '规划准备阶段，云服务客户对计划迁移至公有云的网站进行需求分析，根据分析结果进行服务商选择，进行合同签订，做好政府网站迁移至云的准备工作。':
        'In planning and preparation, the customer analyses the needs of the website to be moved to the public cloud, selects providers and signs contracts on that basis, and prepares the move.',
    '部署迁移阶段，云服务客户主导进行网站迁移，切换，交付等工作，云服务商和云代理服务商配合迁移工作。':
        'In deployment and migration, the customer leads the migration, switch-over and delivery of the website, with the cloud service provider and agents cooperating.',
    '运行管理阶段，云服务客户监督云服务商和云代理服务商履行合同规定的责任义务，对迁移至公有云的政府网站做好安全防范和监测工作，共同维护数据、业务及云计算环境的安全。':
        'In operation management, the customer supervises the provider and agents in fulfilling their contractual responsibilities, guards and monitors the website on the public cloud, and jointly maintains the security of data, business and the cloud environment.',
    '退出服务阶段，云服务客户应要求云服务商履行相关责任和义务，重点关注退出过程中数据和业务的安全。':
        'In exit, the customer shall require the provider to fulfil its responsibilities and obligations, focusing on the security of data and business during exit.',
    '规划准备阶段，云服务客户应明确云服务模式和部署模式；提出各项功能、性能及安全要求；明确参与各方的角色与安全职责，根据云计算服务和政府网站的特点进行安全需求分析，形成政府网站迁移至公有云方案。':
        'In planning and preparation the customer shall determine the service and deployment models, set functional, performance and security requirements, define the roles and security duties of all parties, analyse security needs according to the characteristics of cloud services and the website, and produce a plan for moving the website to the public cloud.',
    '云服务客户是其信息安全的责任主体，云服务客户在规划准备阶段的安全职责如下：':
        'The customer is the party responsible for its information security; its security duties in planning and preparation are:',
    '应根据政府网站的功能、性能及安全指标进行云计算服务的需求分析，确定采用云计算服务的数据和业务范围；':
        "Analyse the need for cloud services according to the website's functional, performance and security indicators, and determine the data and business scope to use cloud services;",
    '应根据信息的敏感程度、人员技能、业务需求的动态性等进行部署模式的选择；':
        'Select the deployment model according to the sensitivity of information, staff skills, the dynamics of business needs, etc.;',
    '云服务商在规划准备阶段的安全职责如下：':
        "The provider's security duties in planning and preparation are:",
    '参照GB/T 31168—2014《信息安全技术 云计算服务安全能力要求》标准逐步通过政务云审查；':
        'Pass the government cloud review step by step with reference to GB/T 31168-2014 (security capability requirements of cloud computing services);',
    '应遵守党政信息系统的信息安全政策规定、信息安全等级保护要求、技术标准，落实安全管理和防护措施；':
        'Comply with the information security policies, classified protection requirements and technical standards for Party and government information systems, and implement security management and protection measures;',
    '应及时响应云服务客户的服务需求。':
        "Respond promptly to the customer's service needs.",
    '云服务代理商在规划准备阶段的安全职责如下:':
        "The agent's security duties in planning and preparation are:",
    '应向云服务客户详细介绍服务内容、服务流程、安全责任等；':
        'Describe in detail to the customer the service content, processes and security responsibilities;',
    '应在云服务客户的协调下，与云服务商对提供的服务内容进行功能和责任区分，并通过服务协议或者合同等进行约束；':
        "Under the customer's coordination, separate functions and responsibilities for the services provided with the cloud service provider, and bind them through service agreements or contracts;",
    '在云服务客户的统筹协调下，云服务代理商应进行边界梳理，能够达成兼容协同的综合服务。':
        "Under the customer's overall coordination, the agent shall sort out boundaries so as to deliver compatible, coordinated integrated services.",
    '第三方评估机构在规划准备阶段的安全职责如下：':
        "The third-party assessor's security duties in planning and preparation are:",
    '第三方评估机构可根据云服务客户委托对政府网站进行安全测评。':
        'The third-party assessor may carry out security assessment of the government website when commissioned by the customer.',
    '在网站采用云计算服务之前，云服务客户需要对网站现有系统进行梳理，确定迁移的系统边界，形成网站现状梳理报告，梳理内容包括：':
        'Before the website adopts cloud services, the customer needs to survey the existing system, determine the boundary of the system to be migrated and produce a survey report covering:',
    '网站系统的网络拓扑结构，网络边界，包含的网络设备型号、配置、使用情况、运维情况等；':
        "The website's network topology and boundaries, and the models, configuration, usage and O&M of its network devices;",
    '网站包含的应用系统，以及各应用系统的计算资源、存储资源、网络情况、基础软件配置情况、应用系统部署架构、高峰时段资源使用情况、系统运维情况、技术支撑情况等；':
        'The application systems of the website and, for each, its compute, storage and network resources, base software configuration, deployment architecture, peak resource usage, O&M and technical support;',
    '系统数据备份及灾备系统情况，包括备份机制、备份策略等，进行数据备份恢复演练；':
        'Data backup and disaster recovery arrangements, including backup mechanisms and policies, with a backup and recovery drill;',
    '有无特殊设备如加密卡、网闸、视频卡等。':
        'Whether there are special devices such as encryption cards, gatekeepers or video cards.',
    '云服务客户应参照国家有关信息安全的法律、法规和相关标准，根据安全风险分析情况与现状梳理情况，做好政府网站迁移至云决策分析：':
        'With reference to national information security laws, regulations and standards, and based on the risk analysis and the survey, the customer shall make the decision analysis for moving the website to the cloud:',
    '云服务客户应参照《信息安全技术 信息系统安全等级保护定级指南》等国家标准对政府网站及数据重要性进行分类定级，全面系统评估所采用云计算服务的安全风险，等级保护定级为四级及以上的政府网站禁止采用社会化云计算服务；':
        'The customer shall classify the website and its data by importance with reference to national standards such as the classification guide for information system security protection, assess the security risks of the cloud services comprehensively; websites classified at level 4 or above shall not use public (socialised) cloud services;',
    '对于包含大量敏感信息和公民隐私信息、直接影响党政机关运转和公众生活工作的关键业务，或者云服务客户核心业务，应在确保安全的前提下再考虑向云计算平台迁移；':
        "Key business containing much sensitive or citizen privacy information, directly affecting the functioning of Party and government bodies or public life and work, or the customer's core business, shall be considered for migration only once its security is assured;",
    '云服务客户应明确政府网站迁移至云的资源需求，包括计算资源、存储资源、网络资源等，合理申请网站系统资源。可针对政府网站业务临时性、周期性特点，要求云服务商根据访问需求动态分配资源并按照实际占用的资源支付使用费用。':
        'The customer shall define the resources the website needs in the cloud, including compute, storage and network resources, and request them reasonably. For temporary or periodic website business it may require the provider to allocate resources dynamically by demand and charge for actual use.',
    '云服务客户应根据政府网站的信息安全等级保护定级情况确定相关技术和管理要求；做好外部和内部用户访问政府网站的访问控制策略，网站系统设备之间的访问策略，与政务外网和互联网间的数据共享交换策略。应调查了解云服务商为满足客户网站系统合规及安全控制策略提供的基础安全措施，包括自身物理、网络、主机、应用、数据和虚拟化等方面的安全措施，做好安全部署规划。':
        "The customer shall determine the technical and management requirements according to the website's classification; set access control policies for external and internal users, between website devices, and data sharing and exchange policies with the government extranet and the Internet; investigate the basic security measures the provider offers for compliance and security control (physical, network, host, application, data, virtualisation) and plan secure deployment.",
    '若云服务客户采用社会化公有云计算服务，应要求云服务商做好系统边界的隔离，包括与其他租户业务系统、虚拟机、虚拟网络、虚拟存储之间的安全隔离。':
        "If the customer uses public (socialised) cloud services, it shall require the provider to isolate the system boundary, including from other tenants' business systems, virtual machines, virtual networks and virtual storage.",
    '根据网站现有安全防护措施和水平，结合云计算服务特点形成安全防护需求，迁移后的防护水平应不低于现有防护水平。':
        "Security protection needs shall be formed from the website's existing protection measures and level and the characteristics of cloud services; protection after migration shall be no lower than before.",
    '迁移至公有云的政府网站应参照GB/T 31506-2015《信息安全技术 政府门户网站系统安全技术指南》等标准规范中的相关内容来实施Web应用安全。':
        'Government websites moved to the public cloud shall implement web application security with reference to GB/T 31506-2015 (security guide for government portal website systems) and related standards.',
    '政府网站的域名安全包括：':
        'Domain name security of government websites includes:',
    '应选择主管部门批准的域名注册服务机构进行域名注册和域名托管，并进行域名信息报备；':
        'Register and host domain names with a registrar approved by the competent authority, and file the domain information;',
    '应遵循国家有关监督审批流程开展域名变更、解析地址变更等工作；':
        'Change domain names, resolution addresses and the like following the national supervision and approval process;',
    '应使用符合政府网站管理规定的域名；':
        'Use domain names that conform to government website management rules;',
    '应加强域名相关信息的管理，防止域名被恶意篡改。':
        'Strengthen management of domain-related information to prevent malicious tampering with domain names.',
    '云服务客户应做好网站内容发布的审核和审批，确保发布的内容均属于可对外公开信息。':
        'The customer shall review and approve content before publication so that everything published is information that may be made public.',
    '云服务客户根据以上分析形成需求报告，需求报告应包括：':
        'From the analysis above the customer forms a requirements report, which shall include:',
    '政府网站的安全保护等级要求、网站系统特定的安全要求；':
        "The website's protection level requirements and system-specific security requirements;",
    '需要采取或需要改造的安全技术措施需求；':
        'Security technical measures to be taken or retrofitted;',
    '需要云服务商提供的技术接口支持等需求；':
        'Technical interface support needed from the provider;',
    '对云服务代理商提供的服务及产品需求；':
        'Services and products needed from agents;',
    '需要采取的安全管理措施需求。':
        'Security management measures to be taken.',
    '云计算有SaaS、PaaS和IaaS三种主要服务模式。':
        'Cloud computing has three main service models: SaaS, PaaS and IaaS.',
    '云服务客户应参照GB/T 31167—2014《信息安全技术 云计算服务安全指南》相关要求，根据当地政策要求、不同服务模式的特点和自身网站系统的安全管理要求，结合自身技术能力、市场和技术成熟度等因素选择服务模式。':
        "The customer shall select the service model with reference to GB/T 31167-2014, local policy, the characteristics of each model, the website's security management requirements, its own technical capability, and market and technical maturity.",
    '云服务客户应主导规划设计网站的云迁移方案，可委托云服务代理商提供政府网站云迁移方案。方案包括：':
        "The customer shall lead the planning and design of the website's cloud migration plan and may entrust an agent to provide it. The plan includes:",
    '各服务商做好操作系统、数据库、中间件、应用系统和数据等方面的安全保障；':
        'Each provider assures the security of operating systems, databases, middleware, application systems and data;',
    '云服务客户应协调各相关服务商，做好敏感信息保护和备份、恢复等工作；':
        'The customer shall coordinate the providers on protecting sensitive information and on backup and recovery;',
    '明确云服务商应提供的保障内容和必要的安全支持服务。':
        'Define the assurance content and necessary security support services the provider shall give.',
    '云服务客户应根据网站定级情况、云服务商提供的标准安全服务、增值安全服务、接入方式等对云服务商进行选择，根据云服务代理商提供的安全保障服务对云服务代理商进行选择，选择时应进行如下考虑：':
        "The customer shall select the provider according to the website's classification, the provider's standard and value-added security services, access methods, etc., and select agents according to the security assurance services they offer, considering the following:",
    '云服务商选择':
        'Selecting the cloud service provider',
    '按照国家或监管部门的要求选择通过党政部门网络安全审查的云服务商；':
        'Select a provider that has passed the cybersecurity review for Party and government bodies, as the state or regulators require;',
    '等级保护定级为三级及以上的政府网站优先选择通过增强级政务云审查的云服务商；':
        'Websites classified at level 3 or above should preferably select a provider that has passed the enhanced government cloud review;',
    '若云服务商提供云代理服务，云服务商应承担相应的责任，并具备相应的能力；':
        'If the provider also provides agent services, it shall bear the corresponding responsibilities and have the corresponding capabilities;',
    '云服务商应提供符合云服务客户要求的安全监管接口。':
        "The provider shall offer security supervision interfaces meeting the customer's requirements.",
    '云服务代理商选择':
        'Selecting cloud service agents',
    '系统集成商应能够满足政府网站建设、维护的安全需求；':
        'The system integrator shall meet the security needs of building and maintaining the website;',
    '网站开发商应能够满足政府网站软件开发的安全需求；':
        "The website developer shall meet the security needs of developing the website's software;",
    '安全服务商应能够满足政府网站安全服务能力需求。':
        "The security service provider shall meet the website's security service capability needs.",
    '服务合同是明确云服务客户与各服务商之间责任义务的基本手段，能够保护云服务客户和各服务商的合法利益。合同内容应包括：':
        'The service contract is the basic means of defining responsibilities between the customer and the providers and protects their lawful interests. It shall include:',
    '与云服务商签订合同，合同中明确服务部署模式，划分双方安全责任边界，制定服务水平协议，规范双方的安全权利义务以及安全保密协议等内容；':
        "A contract with the provider that states the deployment model, divides the security responsibility boundary, sets the SLA, and regulates both parties' security rights, obligations and confidentiality;",
    '应与云服务代理商签订合同，在合同内容中要明确各服务商的安全责任边界、安全保密条款以及双方的安全权利义务等；':
        "A contract with each agent that states the security responsibility boundaries, confidentiality clauses and both parties' security rights and obligations;",
    '应要求云服务商与云服务代理商在合同中声明不使用有恶意代码产品或假冒产品；':
        'Require the provider and agents to declare in the contract that they do not use products with malicious code or counterfeit products;',
    '与云服务商应在合同中明确资产的所有权，资产包括云服务客户的业务系统在云平台上运行过程中产生的数据和文档；':
        "State in the contract with the provider the ownership of assets, including data and documents produced while the customer's business systems run on the cloud platform;",
    '与云服务商应在合同中约定云计算退出服务条件及双方在退出阶段的责任；':
        "Agree in the contract with the provider the conditions for exiting the cloud service and both parties' responsibilities at exit;",
    '与云服务代理商应在合同中明确不得窃取修改云服务客户数据资料。':
        "State in the contract with agents that they shall not steal or modify the customer's data.",
    '服务水平协议（简称SLA）应包含的内容如下：':
        'The service level agreement (SLA) shall contain:',
    '服务水平协议应与服务需求对应，针对需求分析中给出的范围或指标，在服务水平协议中要给出明确参数；':
        'The SLA shall correspond to the service needs, giving explicit parameters for the scope and indicators identified in the needs analysis;',
    '服务水平协议中应对涉及到的术语、指标等明确定义，防止因二义性或理解差异造成违约纠纷或客户损失。':
        'The SLA shall define its terms and indicators clearly, to prevent disputes or customer losses from ambiguity or differing interpretations.',
    '可访问云服务客户信息或掌握云服务客户业务运行信息的服务商应与云服务客户签订保密协议；能够接触云服务客户信息或掌握业务运行信息的服务商内部员工，应签订保密协议，并作为合同附件。':
        "Providers that can access customer information or know the customer's business operations shall sign confidentiality agreements with the customer; their staff who can access such information shall sign confidentiality agreements, attached to the contract.",
    '部署迁移阶段，云服务客户应协调云服务商、云服务代理商进行需求分析形成迁移部署方案，云服务客户应协调各服务商做好部署和实施工作。':
        'In deployment and migration the customer shall coordinate the provider and agents to analyse needs and form a migration and deployment plan, and coordinate the providers in deployment and implementation.',
    '云服务客户在部署迁移阶段的安全职责如下：':
        "The customer's security duties in deployment and migration are:",
    '应做好相关准备工作，组织协调云服务商、云服务代理商进行政府网站的部署迁移；':
        'Prepare, and organise and coordinate the provider and agents in deploying and migrating the website;',
    '应按照云服务商或云服务代理商的要求提供相应的支持；':
        'Provide the support the provider or agents require;',
    '应在部署迁移工作完成后，进行相关安全测试，做好政府网站切换及试运行工作；':
        "After deployment and migration, carry out security tests and handle the website's switch-over and trial run;",
    '应根据迁移后的服务商的变化更新管理制度，并制定安全应急预案。':
        'Update management rules for the change of providers after migration, and draw up a security contingency plan.',
    '云服务商在部署迁移阶段的安全职责如下：':
        "The provider's security duties in deployment and migration are:",
    '应配合云服务客户完成对政府网站的部署迁移；':
        'Cooperate with the customer in deploying and migrating the website;',
    '提供合理的安全架构设计供云服务客户选择；':
        'Offer reasonable security architecture designs for the customer to choose;',
    '负责云计算平台的安全，提供安全基础防护措施（包括通用安全措施和专用安全措施）；':
        "Be responsible for the cloud platform's security and provide basic protection (general and dedicated security measures);",
    '应在云计算平台的外部边界和内部关键边界上监视、控制和保护网络通信；':
        "Monitor, control and protect network communications at the platform's external boundary and key internal boundaries;",
    '应根据云服务客户的要求，制定可审计事件清单，明确审计记录内容；':
        'Draw up a list of auditable events and define audit record content as the customer requires;',
    '应根据云服务客户的要求制定相应的应急预案；':
        'Draw up contingency plans as the customer requires;',
    '应建立完善的维护云计算平台设施和软件系统的相关规范制度，定期维护云计算平台设施和软件系统；':
        'Establish sound rules for maintaining platform facilities and software and maintain them regularly;',
    '应对云计算平台进行配置管理，在系统生命周期内建立和维护云计算平台（包括硬件、软件、文档等）的基线配置和详细清单。':
        "Manage the platform's configuration, establishing and maintaining baseline configurations and detailed inventories (hardware, software, documentation) throughout the system life cycle.",
    '云服务代理商在部署迁移阶段的安全职责如下:':
        "The agent's security duties in deployment and migration are:",
    '应与云服务商就服务内容、边界、交互等进行确认，确保云服务代理商不影响云服务商及其他云服务客户的正常使用；':
        'Confirm service content, boundaries and interactions with the provider, ensuring the agent does not affect the provider or other customers;',
    '系统集成商负责政府网站的迁移及安全部署，负责安全配置、整体安全功能联调等；':
        'The system integrator is responsible for migrating and securely deploying the website, including security configuration and joint testing of security functions;',
    '网站开发商应根据云服务客户的需求完成网站的安全功能开发，并协助系统集成商完成相关部署工作；':
        "The website developer shall develop the website's security functions as the customer requires and help the system integrator with deployment;",
    '安全服务商应提供整个部署过程中的安全保障和网站安全建设，提供相关的安全产品及服务，并协助云服务客户与云服务商共同建立政府网站云计算服务安全保障体系。':
        "The security service provider shall provide security assurance and website security construction throughout deployment, supply security products and services, and help the customer and provider build the website's cloud security assurance system.",
    '第三方评估机构根据云服务客户委托，配合政府网站的部署迁移工作，第三方评估机构安全职责如下：':
        'Commissioned by the customer, the third-party assessor cooperates in the deployment and migration; its security duties are:',
    '配合云服务客户进行安全合规验收；':
        'Cooperate with the customer in security compliance acceptance;',
    '在部署迁移完成后，对政府网站进行风险评估；':
        'After deployment and migration, carry out a risk assessment of the website;',
    '在部署迁移完成后，对政府网站进行等级保护定级。':
        'After deployment and migration, carry out classified protection grading of the website.',
    '将政府网站迁移至公有云前，云服务客户应协调各服务商做好相关准备，主要包括责任人和联系人、工具、产品、服务及相关资源，云服务客户的安全职责如下：':
        "Before moving the website to the public cloud, the customer shall coordinate the providers in preparing responsible persons and contacts, tools, products, services and resources; the customer's security duties are:",
    '通知相关业务部门迁移的时间计划及对业务的影响；':
        'Notify the business departments of the migration schedule and its impact on business;',
    '对政府网站进行敏感数据的加密存储和数据的加密传输；':
        'Store sensitive data encrypted and transmit data encrypted;',
    '对政府网站进行数据备份，包括数据库、应用程序、重要配置以及操作系统等；':
        "Back up the website's data, including databases, applications, important configurations and operating systems;",
    '对云服务商的安全防护措施进行调研，并结合现有安全防护措施，形成云上的防护措施；':
        "Survey the provider's security protection measures and, combined with existing ones, form the protection measures on the cloud;",
    '对云服务商提供的虚拟主机、应用等进行安全检查，确保云服务资源的安全性；':
        'Check the security of virtual hosts, applications, etc. provided by the provider to ensure the security of cloud resources;',
    '协同网站开发商做好政府网站软件功能实现的安全需求调研及确认工作；':
        "Work with the website developer on investigating and confirming the security requirements of the website's software functions;",
    '委托安全服务商提供所需的安全能力组件（产品或服务）；':
        'Entrust the security service provider with the required security capability components (products or services);',
    '要求云服务商为云服务客户划分独立的安全域，并在网络边界处部署安全措施。':
        'Require the provider to set up a separate security domain for the customer and deploy security measures at the network boundary.',
    '云服务客户应牵头负责政府网站的迁移工作，各个服务提供商配合并对迁移工作进行指导协助。云服务客户安全职责如下：':
        "The customer shall lead the migration of the website, with the providers cooperating and guiding; the customer's security duties are:",
    '授权并配合系统集成商进行政府网站迁移实施的具体工作；':
        'Authorise and cooperate with the system integrator in carrying out the migration;',
    '授权并配合安全服务商在应用迁移过程中提供的安全保障服务；':
        'Authorise and cooperate with the security service provider in its security assurance during application migration;',
    '确保政府网站迁移完成后，网站能正常访问；':
        'Ensure the website is accessible normally after migration;',
    '协同云服务商、安全服务商对发现的安全隐患进行整改，并对整改的结果进行复核确认；':
        'Work with the provider and security service provider to remedy security weaknesses found, and review and confirm the remediation;',
    '对政府网站迁移后的变更进行严格监督和审核，以确认变更操作不会影响或降低政府网站的安全性；':
        "Strictly supervise and review changes after migration to confirm they do not affect or reduce the website's security;",
    '对政府网站进行安全检测，并根据检测结果出具检测报告。':
        'Carry out security testing of the website and issue a test report.',
    '完成政府网站迁移后，云服务客户需对应用进行切换，应制定切换方案明确切换顺序，云服务商、云服务代理商应协助云服务客户做好切换测试、数据同步等安全保障工作。':
        'After migration the customer needs to switch applications over, making a switch-over plan with the order of switching; the provider and agents shall help with switch-over testing, data synchronisation and other security assurance.',
    '云服务客户应制定政府网站迁移失败的回退方案。云服务客户的安全职责如下：':
        'The customer shall draw up a rollback plan for failed migration; its security duties are:',
    '在云服务客户的统一协调下，若发生政府网站迁移失败事件，云服务商与系统集成商应协助云服务客户将网站恢复至初始状态；':
        "Under the customer's coordination, if migration fails, the provider and system integrator shall help the customer restore the website to its initial state;",
    '若无法回退至初始状态，云服务客户应要求云服务商与系统集成商应配合使用备份数据进行相应的恢复工作。':
        'If it cannot be rolled back to the initial state, the customer shall require the provider and system integrator to cooperate in restoring from backup data.',
    '政府网站在云计算环境部署完成后，需对网站进行进一步的优化，云服务客户或委托具有相关能力的云服务代理商进行安全优化，云服务客户的安全职责如下：':
        "After deployment in the cloud the website needs further optimisation, done by the customer or a capable agent it entrusts; the customer's security duties are:",
    '在进行安全优化之前，云服务客户应评估政府网站的安全状况；':
        "Before security optimisation, the customer shall assess the website's security posture;",
    '在安全加固之前，云服务客户应对政府网站进行安全测试；':
        "Before security hardening, the customer shall test the website's security;",
    '云服务客户应对政府网站的数据进行备份，并具有故障情况下的数据恢复和应急处置措施；':
        "The customer shall back up the website's data and have data recovery and emergency measures for failures;",
    '安全加固后，云服务客户应对变更进行测试，确认其不会影响政府网站的功能及运行。':
        "After hardening, the customer shall test the changes to confirm they do not affect the website's functions and operation.",
    '根据政府网站迁移至云后服务商的变化，云服务客户应对原有安全管理制度进行修订，明确相关人员的职责和权限，明确在具体运维中各方的具体工作。':
        "According to the change of providers after migration, the customer shall revise its security management rules, defining staff duties and permissions and each party's work in O&M.",
    '云服务客户应组织相关服务商共同制定安全预案，预案应按照：统一领导、规范管理、明确责任、分级负责、预防为主、加强监控几个原则进行制定。云服务客户的安全职责如下：':
        "The customer shall organise the providers to draw up a security contingency plan following the principles of unified leadership, standardised management, clear responsibilities, graded handling, prevention first and strengthened monitoring; the customer's security duties are:",
    '保障措施':
        'Safeguards',
    '应建立健全网络与信息安全管理预案，加强对网站网络信息的日常监测、监控，强化安全管理，对可能引发网络与信息安全事件的有关信息，进行收集、分析判断，发现有异常情况时，及时处理并逐级报告。':
        'Establish a sound network and information security management plan, strengthen daily monitoring of the website, collect and analyse information that may lead to security incidents, and handle and report anomalies promptly level by level.',
    '应当备份网站文件和数据库。备份采用完全备份策略与部分备份策略相结合。':
        'Back up website files and databases, combining full and partial backup policies.',
    '定期进行网站文件和数据库备份恢复演练，确保备份数据的有效性。':
        'Hold regular recovery drills of website files and database backups to ensure backups are valid.',
    '特殊时期应启动网站信息安全24小时应急值班制度。一旦发生安全事件，立即启动应急预案，并立即将情况报告有关领导。属于重大事件或存在非法犯罪行为的，立即报告应急办并向网信、电信、公安等部门举报。':
        'In special periods run a 24-hour emergency duty for website security; on an incident, start the contingency plan at once and report to the leaders; major incidents or crimes shall be reported at once to the emergency office and to the cyberspace, telecom and public security authorities.',
    '应保持与相关服务商沟通渠道的畅通，确保在应急处理过程中遇到困难或问题时能及时获得相关服务商的技术支援。':
        'Keep communication channels with providers open so that technical support is available promptly during emergency handling.',
    '应急措施':
        'Emergency measures',
    '网站出现非法信息或内容被篡改、系统软件遭到破坏性攻击，网站瘫痪，应立即向云服务商和上级领导报告，停止系统运行，启用备份系统，情况严重的，立即报告应急办并向网信、电信、公安等部门举报。':
        'If illegal information appears, content is tampered with, system software is destructively attacked or the website is paralysed, report at once to the provider and superiors, stop the system and switch to the backup system; in serious cases report at once to the emergency office and to the cyberspace, telecom and public security authorities.',
    '在该阶段，云服务客户的安全职责如下：':
        "In this stage the customer's security duties are:",
    '根据政府网站运行情况，制定相应的试运行方案；':
        "Draw up a trial-run plan according to the website's operation;",
    '云服务客户或委托第三方评估机构应模拟实际运行情况对政府网站进行全面的安全测试；':
        "The customer, or a third-party assessor it entrusts, shall test the website's security comprehensively by simulating actual operation;",
    '加强试运行期间的安全监测，全面查看各种日志信息，以便能及时发现问题并进行整改；':
        'Strengthen security monitoring during the trial run and review all logs to find and fix problems promptly;',
    '云服务客户应提高试运行期间的数据备份频率，以便出现问题时能尽可能的恢复丢失的数据。':
        'The customer shall back up data more often during the trial run so that lost data can be recovered as far as possible.',
    '云服务客户或委托第三方评估机构进行安全合规验收测评，根据验收目标和范围，结合政府网站云迁移方案对实施情况进行安全评估，云服务客户的安全职责如下：':
        "The customer, or a third-party assessor it entrusts, carries out the security compliance acceptance assessment, evaluating the implementation against the acceptance objectives and scope and the cloud migration plan; the customer's security duties are:",
    '云服务客户应明确提出安全合规验收测试的要求；':
        'The customer shall state the requirements of the security compliance acceptance test;',
    '安全合规验收测试通过后，云服务客户在确认安全风险和隐患均得到有效控制后，方可正式开展政府网站的相关服务；':
        "After the acceptance test is passed, the customer may start the website's services formally only once it has confirmed that risks and weaknesses are under effective control;",
    '安全测试通过后，云服务客户需重新确定信息系统安全保护等级，形成信息系统安全保护等级定级报告并向相关监管部门进行报备。':
        "After the security test is passed, the customer needs to re-determine the system's protection level, produce a grading report and file it with the regulators.",
    '完成政府网站的迁移，并通过安全合规验收测试后，各相关服务商应提交给云服务客户相应的实施成果文档，包括但不限于如下成果文档：实施方案、资源清单、配置清单、使用手册和安全预案。':
        'After migration and acceptance, the providers shall hand the customer the implementation deliverables, including at least the implementation plan, resource list, configuration list, user manuals and security contingency plan.',
    '各相关服务商在完成相应的实施工作后，云服务客户应要求开展相关实施后培训，确保所有交付成果有效开展。':
        'After the providers finish their implementation work, the customer shall require post-implementation training so that all deliverables are used effectively.',
    '此阶段云服务客户应监督云服务商履行合同规定的责任义务，云服务客户遵守政府信息安全的有关政策规定和标准，共同维护数据、业务及云计算环境的安全。。':
        'In this stage the customer shall supervise the provider in fulfilling its contractual responsibilities, observe government information security policies and standards, and jointly maintain the security of data, business and the cloud environment.',
    '云服务客户在运行管理阶段的安全职责如下：':
        "The customer's security duties in operation management are:",
    '应建立云计算服务保密审查制度，指定机构和人员定期负责对迁移到云计算平台上的数据、业务进行保密审查，确保数据和业务不涉及国家秘密；':
        'Establish a confidentiality review system for cloud services, assigning bodies and staff to review regularly the data and business moved to the cloud so that they involve no state secrets;',
    '应在云服务商、云服务代理商处理信息安全事件过程中提供协助；':
        'Assist the provider and agents in handling information security incidents;',
    '应对云上的政府网站进行安全监测，并对相关服务商进行监督管理；':
        'Monitor the security of the website on the cloud and supervise the providers;',
    '应对云上的政府网站制定应急预案；':
        'Draw up contingency plans for the website on the cloud;',
    '对云服务商所提供的云平台的重大变更进行监督管理，重大变更范围参照GB/T 31167—2014《信息安全技术 云计算服务安全指南》中相关内容；':
        "Supervise major changes to the provider's cloud platform; the scope of major changes follows GB/T 31167-2014;",
    '云服务商在运行管理阶段的安全职责如下：':
        "The provider's security duties in operation management are:",
    '在阶段风险评估和监测中，应符合GB/T 31168—2014《云计算服务安全能力要求》相关要求；':
        'In periodic risk assessment and monitoring, meet GB/T 31168-2014 (security capability requirements of cloud computing services);',
    '云服务商有重大调整变更时，应向云服务客户提前通知，并获得监管部门审核，同时评估可能对云服务客户造成的影响；':
        "Notify the customer in advance of major adjustments or changes, obtain the regulator's review, and assess the possible impact on the customer;",
    '严格履行合同规定中的责任和义务，遵守相关的安全管理政策和标准；':
        'Strictly fulfil its contractual responsibilities and obligations and observe the relevant security management policies and standards;',
    '应接受监管部门组织的信息安全检查，包括必要的渗透测试、风险评估、安全审计等；':
        'Accept information security inspections organised by regulators, including necessary penetration tests, risk assessments and security audits;',
    '保障云服务客户的数据和业务的机密性、完整性、可用性，以及互操作性、可移植性；':
        "Assure the confidentiality, integrity and availability, and the interoperability and portability, of the customer's data and business;",
    '持续开展对员工的安全和保密教育，自觉维护云服务客户的云计算服务安全；':
        "Continuously train staff in security and confidentiality and conscientiously maintain the security of the customer's cloud services;",
    '应根据监测情况定期向云服务客户提供安全运行报告；':
        'Provide the customer regularly with security operation reports based on monitoring;',
    '制定应急预案及安全事件处置响应计划；':
        'Draw up contingency plans and security incident response plans;',
    '对信息系统运行状态（如CPU、内存、网络）进行监视，并能够对资源的非法越界发出警报。':
        'Monitor the operating state of information systems (CPU, memory, network) and raise alarms on illegal overreach of resources.',
    '云服务代理商在运行管理阶段的安全职责如下:':
        "The agent's security duties in operation management are:",
    '应接受云服务客户对其提供的服务的持续监管；':
        "Accept the customer's continuous supervision of its services;",
    '应配合云服务客户、云服务商进行相应的业务服务，如：等级保护测评、云计算安全审查等；':
        'Cooperate with the customer and provider in related services such as classified protection assessment and cloud security review;',
    '根据与云服务客户签订的服务协议、合同，向云服务客户提供安全服务，并定期提供服务报告；':
        'Provide security services and regular service reports to the customer under the service agreements and contracts signed with it;',
    '应确保在向云服务客户提供服务时，不影响云服务的运行及其他云服务客户的使用。':
        'Ensure that its services to the customer do not affect the cloud service or other customers.',
    '第三方评估机构的安全职责如下：':
        "The third-party assessor's security duties are:",
    '第三方评估机构应在云计算服务运行过程中配合监管部门或云服务客户，对云计算平台或政府网站进行安全评估；':
        'During operation of the cloud service, the third-party assessor shall cooperate with regulators or the customer in assessing the security of the cloud platform or the website;',
    '云服务客户应对迁移至公有云的政府网站采取安全防范措施，云服务客户的安全职责如下：':
        'The customer shall take security precautions for the website moved to the public cloud; its security duties are:',
    '建立安全事件处理计划，包括对事件的预防、检测、分析、控制、恢复、进行跟踪和记录；':
        'Establish a security incident handling plan covering prevention, detection, analysis, containment, recovery, tracking and recording;',
    '对网站访问行为进行监测，对攻击行为进行实时告警；':
        'Monitor access to the website and alert on attacks in real time;',
    '删除或者修改密码和默认演示用户；':
        'Delete or change passwords and default demo users;',
    '采取安全措施提高网站安全防护能力，并记录相关日志；':
        "Take measures to improve the website's protection and keep the related logs;",
    '采取安全措施进行病毒防御，并及时升级病毒库。':
        'Take anti-virus measures and update virus signatures promptly.',
    '云服务客户对网站的监管应包括以下内容：':
        "The customer's supervision of the website shall include:",
    '应对业务系统客户操作进行监测，要求其遵守国家有关信息安全的法律法规、标准及合同；':
        'Monitor operations by users of the business system and require them to comply with national information security laws, regulations, standards and contracts;',
    '应对不同服务模式下系统中的账号进行实时监测；':
        'Monitor accounts in the systems under each service model in real time;',
    '可通过自查或委托第三方测评机构对客户负责实施的安全措施进行安全测评和检查。':
        'Security measures the customer is responsible for may be tested and inspected by self-inspection or by an entrusted third-party testing body.',
    '云服务客户对网站的可用性监测应包括以下内容：':
        "The customer's availability monitoring of the website shall include:",
    '应对网站虚拟层资源状态进行监测，涉及计算资源、存储资源、网络资源等；':
        "Monitor the state of the website's virtual-layer resources, including compute, storage and network resources;",
    '应定期进行网站的域名及IP合规性检测。':
        "Check the compliance of the website's domain names and IP addresses regularly.",
    '云服务客户对网页内容监测应包括以下内容：':
        "The customer's web content monitoring shall include:",
    '实时监测网站发布内容,发现有害信息进行告警和处置；':
        'Monitor published content in real time and alert on and handle harmful information;',
    '利用网页防篡改系统并结合人工自检方式或采用专业安全服务等方式，对网页内容篡改情况进行实时监测和处置。':
        'Monitor and handle tampering with web content in real time with a web anti-tampering system combined with manual checks, or with professional security services.',
    '云服务客户对网站业务安全监测应包括以下内容：':
        "The customer's website business security monitoring shall include:",
    '利用网站木马、后门检测监控系统或采用安全服务等方式对网站系统进行实时监测和处置；':
        'Monitor and handle the website in real time with trojan and backdoor detection systems or security services;',
    '定期对网站应用程序、操作系统及数据库进行脆弱性扫描；':
        'Scan website applications, operating systems and databases for vulnerabilities regularly;',
    '具备信息交换与情报共享机制，及时获知0Day漏洞等未知威胁，并做好防护工作；':
        'Have information exchange and intelligence sharing mechanisms to learn of 0-day vulnerabilities and other unknown threats promptly and protect against them;',
    '对网站业务安全防护措施进行测评和检查。':
        "Test and inspect the website's business security measures.",
    '云服务客户对网站环境安全监测应包括以下内容：':
        "The customer's website environment security monitoring shall include:",
    '实时监测网站业务、网络状态，并对异常情况进行报警和处置；':
        'Monitor website business and network state in real time and alarm on and handle anomalies;',
    '实时监测网站所在的云计算平台状态，并对异常情况进行报警和处置；':
        'Monitor the state of the cloud platform hosting the website in real time and alarm on and handle anomalies;',
    '对网站环境安全防护措施进行定期测评和检查。':
        "Test and inspect the website environment's security measures regularly.",
    '云服务商的安全监测要求应包括以下内容：':
        "The provider's security monitoring shall include:",
    '能够将安全策略进行集中呈现，对不同云服务客户的策略能够独立监控；':
        "Present security policies centrally and monitor each customer's policies independently;",
    '实时监控策略的有效性，保证虚拟机迁移时，相关安全策略能够随其迁移；':
        'Monitor policy effectiveness in real time and ensure that security policies migrate with a virtual machine;',
    '定期进行风险评估，针对评估结果进行安全整改；':
        'Carry out regular risk assessments and remedy the findings;',
    '对信息系统进行安全监测，能够及时发现并阻断针对云平台进行的攻击或非授权行为。':
        'Monitor the security of information systems and detect and block attacks or unauthorised actions against the cloud platform promptly.',
    '云服务代理商的安全监测应包括以下内容：':
        "The agent's security monitoring shall include:",
    '如感知到云服务商还未上报的安全事件，及时通知云服务商和云服务客户；':
        'On noticing a security incident the provider has not yet reported, notify the provider and the customer promptly;',
    '应提供紧急联络方式给云服务商，以便云服务商记录在其应急响应计划中；':
        'Give the provider emergency contact details for its incident response plan;',
    '协助云服务商处理安全事件；':
        'Help the provider handle security incidents;',
    '监控自身负责的安全控制措施。':
        'Monitor the security controls it is responsible for.',
    '云服务客户应为迁移至公有云的政府网站制定应急响应预案，并定期演练，确保在紧急情况下重要信息资源的可用性。云服务客户的安全职责如下：':
        "The customer shall draw up an emergency response plan for the website moved to the public cloud and drill it regularly, ensuring the availability of important information resources in emergencies; the customer's security duties are:",
    '云服务客户应根据其网站系统的具体特点，并按照《国家突发公共事件总体应急预案》、《国家网络与信息安全事件应急预案》等文件要求，制定应急响应预案。应急响应预案应包含总则、角色及职责、预防和预警机制、响应分级、处置流程、保障措施等内容；':
        "The customer shall draw up the emergency response plan according to its website's characteristics and documents such as the National Master Plan for Public Emergencies and the National Cybersecurity Incident Contingency Plan, covering general provisions, roles and duties, prevention and warning, response grading, handling processes and safeguards;",
    '云服务客户应综合分析各类安全事件可能造成的影响，破坏程度和恢复周期等多方面因素，有针对性地制定、维护网站不同事件的应急预案，每两年至少开展各典型类别安全事件的应急演练一次；':
        "The customer shall analyse the impact, damage and recovery time of each kind of incident, maintain targeted contingency plans for the website's incident types, and drill each typical incident type at least once every two years;",
    '云服务客户应建立应急值班制度，8小时工作时间以外，安排专人通过电话、邮件等方式进行监控。遇到重大节日或敏感时期，应安排24小时值班，并定期进行信息报送；':
        'The customer shall set up emergency duty: outside the eight working hours, assign staff to monitor by telephone, e-mail, etc.; during major holidays or sensitive periods, keep 24-hour duty and report regularly;',
    '信息安全事件发生时，云服务客户应按照应急预案的要求及时组织应急处置并记录，涉及到云计算平台的应要求云服务商配合处置。':
        "When an information security incident occurs, the customer shall organise and record emergency handling per the contingency plan, and require the provider's cooperation where the cloud platform is involved.",
    '云服务客户应定期对迁移到公有云的政府网站进行安全检查和评估，并根据检查结果进行安全改进。云服务客户的安全职责如下：':
        "The customer shall regularly inspect and assess the security of the website moved to the public cloud and improve it based on the results; the customer's security duties are:",
    '制定安全检查工作计划和安全检查方案;':
        'Draw up a security inspection work plan and inspection scheme;',
    '对检查结果进行汇总、分析，编制安全检查报告。根据安全检查结果，确定安全改进方案;':
        'Compile and analyse the inspection results into an inspection report, and determine the security improvement plan from them;',
    '制定业务连续性计划，包含业务影响分析、业务连续性风险评估、明确业务连续性团队、业务连续性测试与演练、业务连续性计划步骤；':
        "Draw up a business continuity plan covering business impact analysis, continuity risk assessment, the continuity team, continuity tests and drills, and the plan's steps;",
    '定期或者在迁移到公有云的政府网站发生重大变更后进行风险评估，并要求云服务商为风险评估活动提供必要的接口和材料，配合云服务客户进行风险评估；':
        'Assess risks regularly or after major changes to the website, requiring the provider to provide the interfaces and materials needed and to cooperate;',
    '根据评估结果要求云服务商对涉及云平台的问题进行整改。':
        'Require the provider to remedy problems involving the cloud platform according to the assessment results.',
    '在退出云计算服务时，云服务客户应要求云服务商履行相关责任和义务，确保退出云计算服务阶段数据、业务的安全。':
        'When exiting the cloud service, the customer shall require the provider to fulfil its responsibilities and obligations and ensure the security of data and business during exit.',
    '云服务客户在退出服务阶段的安全职责如下：':
        "The customer's security duties at exit are:",
    '应提前做好应用和数据的备份，在SaaS模式下仅需备份数据；':
        'Back up applications and data in advance (under SaaS, data only);',
    '对云服务商返还的数据完整性进行验证，如将文档资料、数据、程序放在新的平台上运行验证；':
        'Verify the integrity of data returned by the provider, e.g. by running documents, data and programs on the new platform;',
    '应监督云服务商返还数据的过程，并对数据进行测试；':
        "Supervise the provider's return of data and test the data;",
    '云服务商在退出服务阶段的安全职责如下：':
        "The provider's security duties at exit are:",
    '应制定详细的移交清单，包括运行期间产生、收集的数据以及相关文档资料；':
        'Draw up a detailed hand-over inventory, including the data produced and collected during operation and related documentation;',
    '应彻底删除云服务客户数据信息及所有备份，对云服务客户的数据存储介质应彻底清理；':
        "Completely delete the customer's data and all backups, and thoroughly sanitise the customer's data storage media;",
    '应根据移交清单返还云服务客户数据信息（包括历史数据和归档数据）。':
        "Return the customer's data (including historical and archived data) according to the hand-over inventory.",
    '云服务代理商在退出服务阶段的安全职责如下：':
        "The agent's security duties at exit are:",
    '应协助云服务客户进行政府网站的退出服务工作；':
        'Assist the customer in exiting the website from the service;',
    '应根据与云服务客户签订的服务协议、合同，向云服务客户交付相应的程序、数据、文档等；':
        'Deliver programs, data, documents, etc. to the customer under the service agreements and contracts signed with it;',
    '应确保在退出服务后，彻底销毁云服务客户信息。':
        "Ensure the customer's information is completely destroyed after exit.",
    '在退出服务阶段，云服务客户可委托第三方评估机构对退出过程进行监督审计，第三方评估机构的安全职责如下：':
        "At exit the customer may entrust a third-party assessor to supervise and audit the exit process; the assessor's security duties are:",
    '第三方评估机构配合云服务客户对云服务商及云服务代理商的退出环节进行审计；':
        'Cooperate with the customer in auditing the exit steps of the provider and agents;',
    '在退出服务工作结束后，第三方评估机构应配合云服务客户对云服务端进行安全审计测试，查看云服务商是否全面清除数据。':
        'After exit, cooperate with the customer in a security audit test of the cloud side to check whether the provider has erased all data.',
    '合同到期或其他原因都可能导致云服务客户退出云计算服务，或将数据和业务转移到其他云计算平台上。云服务客户的安全职责如下：':
        "Contract expiry or other reasons may lead the customer to exit the cloud service or move data and business to another cloud platform; the customer's security duties are:",
    '云服务客户在与云服务商签订合同时提前约定退出条件，以及退出时云服务客户、云服务商的责任义务；':
        'When signing the contract with the provider, the customer agrees in advance the exit conditions and the responsibilities and obligations of customer and provider at exit;',
    '云服务客户应要求云服务商完整返还云服务客户数据；':
        "The customer shall require the provider to return the customer's data completely;",
    '在将数据和业务退出后，云服务客户应满足业务的可用性和持续性要求；':
        "After moving data and business out, the customer shall meet the business's availability and continuity requirements;",
    '云服务客户应及时取消云服务商对云服务客户资源的物理和电子访问权限；':
        "The customer shall promptly revoke the provider's physical and electronic access to the customer's resources;",
    '云服务客户提醒云服务商在云服务客户退出云计算服务后仍应承担的责任及义务；':
        "The customer reminds the provider of the responsibilities and obligations it still bears after the customer's exit;",
    '云服务客户应要求云服务商对数据进行彻底清除。':
        'The customer shall require the provider to erase the data completely.',
    '云服务客户应在退出需求的基础上主导制定退出方案，明确退出过程中的各角色职责分工，做好网站退出的各项保障工作。根据退出后网站的处理情况做好相应的衔接工作。':
        "Based on the exit requirements, the customer shall lead the drafting of an exit plan, defining each role's duties in the exit, safeguarding the website's exit, and handling the follow-up arrangements for the website after exit.",
    '从云计算平台迁移出的数据，不仅包括云服务客户移交给云服务商的数据和资料，还应包括政府网站在云计算平台上运行期间产生、收集的数据以及相关文档资料，包括但不限于以下内容：数据文件、文档资料和其他数据。':
        'Data migrated out of the cloud platform includes not only the data and materials the customer handed to the provider but also the data and documentation produced and collected while the website ran on the platform, including at least data files, documents and other data.',
    '云服务客户应对云服务商返还的数据完整性进行验证，云服务客户的安全职责如下：':
        "The customer shall verify the integrity of the data returned by the provider; the customer's security duties are:",
    '云服务客户与云服务商的合同中应就退出服务阶段移交数据清单进行约定，并对移交数据的类型、有效期进行明确；':
        'The contract between customer and provider shall agree the inventory of data handed over at exit and define the types and validity periods of that data;',
    '应要求云服务商根据移交数据清单完整返还云服务客户数据信息，如历史数据和归档数据；':
        "Require the provider to return the customer's data completely according to the hand-over inventory, such as historical and archived data;",
    '云服务客户应通过业务系统验证数据信息的有效性和完整性。':
        'The customer shall verify the validity and integrity of the data through the business system.',
    '云服务客户退出云计算服务后，仍应要求云服务商安全处理云服务客户数据，承担相关的责任义务，云服务客户或委托第三方评估机构对数据删除过程进行监督。云服务客户的安全职责如下：':
        "After exiting the cloud service, the customer shall still require the provider to handle its data securely and bear the related responsibilities; the customer, or a third-party assessor it entrusts, supervises the deletion; the customer's security duties are:",
    '云服务客户可要求云服务商按照合同安全要求保留云服务客户数据信息一段时间，收到云服务客户的书面授权后方可删除云服务客户数据信息；':
        "The customer may require the provider to keep its data for a period under the contract's security requirements, and to delete it only on the customer's written authorisation;",
    '云服务商应制定数据信息删除计划，监督数据信息删除过程，并对数据信息删除情况进行验证；':
        'The provider shall draw up a data deletion plan, supervise the deletion and verify the result;',
    '要求云服务商对存放云服务客户数据的存储介质进行清理，并对过程进行监督。':
        "Require the provider to sanitise the storage media that held the customer's data, and supervise the process.",
}
