"""Demo emulation campaign and multimedia articles: photo reports, video clips and exemplary profiles."""

CAMPAIGN = dict(
    title="Phong trào thi đua “Chung tay xây dựng quận An Phú số” giai đoạn 2026 - 2030",
    slug="chung-tay-xay-dung-quan-an-phu-so",
    description=[
        "Ngày 26/3/2026, Uỷ ban nhân dân quận An Phú ban hành Kế hoạch phát động Phong trào thi đua "
        "“Chung tay xây dựng quận An Phú số” giai đoạn 2026 - 2030. Phong trào nhằm khơi dậy tinh thần "
        "chủ động, sáng tạo của cán bộ, công chức, doanh nghiệp và Nhân dân trong thực hiện chuyển đổi số "
        "trên cả ba trụ cột chính quyền số, kinh tế số và xã hội số.",
        "Phong trào được triển khai sâu rộng tới các phòng, ban chuyên môn, Uỷ ban nhân dân 7 phường, "
        "các trường học, hợp tác xã, doanh nghiệp và tất cả tổ dân phố trên địa bàn. Mỗi cơ quan, đơn vị, "
        "địa phương đăng ký ít nhất một mô hình, sáng kiến chuyển đổi số cụ thể, có sản phẩm đo đếm được "
        "và gắn với trách nhiệm của người đứng đầu.",
        "Hằng năm, quận tổ chức sơ kết, lựa chọn và biểu dương các tập thể, cá nhân tiêu biểu. Phòng Văn hoá "
        "và Thông tin mở chuyên mục giới thiệu các điển hình tiên tiến nhằm phát hiện, tôn vinh và nhân rộng "
        "những cách làm hay, hiệu quả trong toàn quận.",
    ],
    goals=[
        "100% thủ tục hành chính đủ điều kiện được tiếp nhận, giải quyết trực tuyến toàn trình; tỷ lệ hồ sơ "
        "nộp trực tuyến đạt trên 80%.",
        "Trên 90% người dân trong độ tuổi lao động có tài khoản định danh điện tử và biết sử dụng dịch vụ "
        "công trực tuyến.",
        "Trên 80% hộ kinh doanh, hợp tác xã và doanh nghiệp nhỏ ứng dụng thanh toán không dùng tiền mặt, "
        "bán hàng trên nền tảng số.",
        "Mỗi tổ dân phố có ít nhất một tổ công nghệ số cộng đồng hoạt động thường xuyên, hỗ trợ người cao "
        "tuổi và các đối tượng yếu thế.",
        "100% trường học trên địa bàn triển khai học bạ số, sổ liên lạc điện tử và thư viện số.",
        "Mỗi năm phát hiện, biểu dương ít nhất 30 tập thể, cá nhân tiêu biểu để nhân rộng trong toàn quận.",
    ],
    starts_on="2026-03-26",
    ends_on="2030-12-31",
)

ARTICLES = [
    # ------------------------------------------------------------------ Phóng sự ảnh
    dict(
        section="phong-su-anh",
        format="photo",
        featured=True,
        title="Rộn ràng lễ hội đua thuyền truyền thống mừng Quốc khánh trên cửa biển Hải Thành",
        lead="Sáng 2/9, hàng nghìn người dân và du khách đã đổ về bờ kè phường Hải Thành cổ vũ 12 đội "
             "thuyền tranh tài tại Lễ hội đua thuyền truyền thống năm 2026. Đây là hoạt động văn hoá, thể "
             "thao tiêu biểu của quận An Phú chào mừng 81 năm Cách mạng Tháng Tám và Quốc khánh 2/9.",
        body=[
            "Lễ hội đua thuyền được người dân làng biển Hải Thành duy trì từ nhiều đời nay, gắn với ước vọng "
            "trời yên biển lặng, tàu thuyền ra khơi bình an. Năm nay, lễ hội do Uỷ ban nhân dân phường Hải "
            "Thành phối hợp Trung tâm Văn hoá - Thông tin và Thể thao quận tổ chức, với sự tham gia của các "
            "đội thuyền đến từ cả 7 phường.",
            "## Sôi nổi trên đường đua",
            "Mỗi đội gồm 16 tay chèo, thi đấu trên cự ly 800 mét ở vòng loại và 1.200 mét ở vòng chung kết. "
            "Tiếng trống giữ nhịp, tiếng hò reo cổ vũ vang dội dọc bờ kè suốt buổi sáng. Kết quả, đội thuyền "
            "Tổ dân phố số 4 phường Hải Thành giành giải Nhất, giải Nhì thuộc về đội phường Đa Phúc, đội "
            "phường Hòa Nghĩa đoạt giải Ba.",
            "Bên lề lễ hội, Ban Tổ chức bố trí khu trưng bày hải sản chế biến, ẩm thực làng biển và điểm "
            "check-in cho du khách. Lần đầu tiên, toàn bộ các lượt đua được phát trực tiếp trên trang thông "
            "tin điện tử và trang mạng xã hội của quận, thu hút hàng chục nghìn lượt xem.",
        ],
        gallery=[
            "Các đội thuyền dàn hàng ngang chờ hiệu lệnh xuất phát trên cửa biển Hải Thành.",
            "Tay chèo đội Tổ dân phố số 4 dồn sức ở những mét cuối cùng của vòng chung kết.",
            "Người dân và du khách đứng kín bờ kè cổ vũ các đội đua.",
            "Các cụ cao niên dâng hương cầu mong mưa thuận gió hoà trước giờ khai mạc lễ hội.",
            "Lãnh đạo quận trao cờ và giải thưởng cho các đội đoạt giải.",
        ],
        byline="VŨ THANH HẢI",
        source=None,
        keywords=["Lễ hội", "Văn hoá cơ sở", "Du lịch", "Phường Hải Thành"],
        cover_caption="Các đội thuyền tranh tài trên cửa biển Hải Thành sáng 2/9.",
        cover_credit="Ảnh: Vũ Thanh Hải",
        days_ago=82, hour=16, minute=20,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        title="Đêm hội trăng rằm “Thắp sáng ước mơ” mang niềm vui Trung thu đến với thiếu nhi phường Đồng Tâm",
        lead="Tối 24/9, tức ngày 14 tháng Tám âm lịch, Uỷ ban nhân dân phường Đồng Tâm tổ chức Đêm hội trăng "
             "rằm “Thắp sáng ước mơ” cho hơn 600 thiếu nhi trên địa bàn. Dịp này, chương trình trao 150 suất "
             "quà cho các em có hoàn cảnh khó khăn.",
        body=[
            "Đêm hội diễn ra tại sân Nhà văn hoá phường với các tiết mục múa lân, văn nghệ do chính các em "
            "thiếu nhi biểu diễn. Khu trò chơi dân gian như bịt mắt đập niêu, kéo co, ô ăn quan luôn chật "
            "kín các em nhỏ và phụ huynh.",
            "## Gìn giữ nét đẹp Tết đoàn viên",
            "Điểm nhấn của chương trình là cuộc thi làm đèn ông sao, đèn cá chép từ vật liệu tái chế giữa các "
            "chi đội thiếu niên. Nhiều sản phẩm được các em chăm chút công phu từ chai nhựa, giấy báo cũ, ống "
            "hút, vừa đẹp mắt vừa lan toả thông điệp bảo vệ môi trường. Kết thúc đêm hội, hàng trăm chiếc "
            "đèn lồng được rước quanh các tuyến phố trong khu dân cư.",
            "Theo Uỷ ban nhân dân phường Đồng Tâm, kinh phí tổ chức và quà tặng được vận động từ các doanh "
            "nghiệp, nhà hảo tâm và các tổ dân phố. Đây là hoạt động thường niên nhằm tạo sân chơi lành mạnh, "
            "giúp các em thêm hiểu và yêu những giá trị văn hoá truyền thống của dân tộc.",
        ],
        gallery=[
            "Đội lân thiếu niên Tổ dân phố số 2 biểu diễn mở màn đêm hội.",
            "Các em nhỏ hào hứng với trò chơi bịt mắt đập niêu.",
            "Những chiếc đèn ông sao làm từ chai nhựa, giấy báo cũ tham gia cuộc thi.",
            "Đại diện Uỷ ban nhân dân phường trao quà cho thiếu nhi có hoàn cảnh khó khăn.",
            "Đoàn rước đèn lồng rực rỡ đi qua các tuyến phố trong khu dân cư.",
        ],
        byline="PHẠM NGỌC ÁNH",
        source=None,
        keywords=["Lễ hội", "Văn hoá cơ sở", "Thiếu nhi", "Phường Đồng Tâm"],
        cover_caption="Thiếu nhi phường Đồng Tâm rước đèn trong đêm hội trăng rằm.",
        cover_credit="Ảnh: Phạm Ngọc Ánh",
        days_ago=60, hour=8, minute=15,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        title="Ngày hội “Bình dân học vụ số”: người cao tuổi phường Tân Thành học cách dùng điện thoại thông minh",
        lead="Sáng 15/10, tại Nhà văn hoá phường Tân Thành, hơn 300 người dân, phần lớn là người cao tuổi, "
             "đã tham gia Ngày hội “Bình dân học vụ số” do Đoàn Thanh niên phường phối hợp Uỷ ban nhân dân "
             "phường tổ chức.",
        body=[
            "Ngày hội là một trong những hoạt động cụ thể hưởng ứng Phong trào thi đua “Chung tay xây dựng "
            "quận An Phú số” giai đoạn 2026 - 2030. Ban Tổ chức bố trí 6 gian hướng dẫn theo chủ đề: kích hoạt "
            "tài khoản định danh điện tử, nộp hồ sơ dịch vụ công trực tuyến, thanh toán không dùng tiền mặt "
            "và nhận diện lừa đảo trên không gian mạng.",
            "## Cầm tay chỉ việc",
            "Tại mỗi gian, đoàn viên thanh niên tình nguyện kiên nhẫn hướng dẫn từng thao tác cho người dân "
            "ngay trên chiếc điện thoại của mình. Nhiều cụ lần đầu tự tay quét mã QR thanh toán tiền điện, tra "
            "cứu kết quả hồ sơ hay gọi video cho con cháu ở xa. Kết thúc ngày hội, 127 tài khoản định danh "
            "điện tử đã được kích hoạt và 64 hồ sơ dịch vụ công được nộp trực tuyến ngay tại chỗ.",
            "Đoàn Thanh niên phường Tân Thành cho biết sẽ duy trì điểm hỗ trợ vào sáng thứ Bảy hằng tuần tại "
            "bộ phận một cửa. Đồng thời, phường sẽ thành lập thêm các tổ công nghệ số cộng đồng ở từng tổ dân "
            "phố để hỗ trợ người dân thường xuyên.",
        ],
        gallery=[
            "Đoàn viên thanh niên hướng dẫn người cao tuổi kích hoạt tài khoản định danh điện tử.",
            "Một cụ bà ở Tổ dân phố số 6 lần đầu tự quét mã QR thanh toán hoá đơn tiền điện.",
            "Gian hướng dẫn nhận diện thủ đoạn lừa đảo trên không gian mạng thu hút đông người dân.",
            "Cán bộ bộ phận một cửa hỗ trợ người dân nộp hồ sơ dịch vụ công trực tuyến.",
        ],
        byline="LÊ MINH THƯ",
        source=None,
        keywords=["Chuyển đổi số", "Phong trào thi đua", "Dịch vụ công trực tuyến", "Thanh niên",
                  "Phường Tân Thành"],
        cover_caption="Đoàn viên thanh niên hướng dẫn người cao tuổi sử dụng điện thoại thông minh.",
        cover_credit="Ảnh: Lê Minh Thư",
        days_ago=40, hour=17, minute=5,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        title="Hàng trăm đoàn viên, thanh niên ra quân làm sạch bãi biển, hưởng ứng Chiến dịch Làm cho thế giới sạch hơn",
        lead="Sáng 20/9, Quận đoàn An Phú phối hợp Uỷ ban nhân dân phường Hải Thành tổ chức ra quân làm sạch "
             "gần 3 km bãi biển, thu gom hơn 2 tấn rác thải các loại.",
        body=[
            "Tham gia chương trình có hơn 400 đoàn viên, thanh niên, hội viên phụ nữ, cựu chiến binh cùng học "
            "sinh các trường trung học trên địa bàn. Từ sáng sớm, các lực lượng được chia thành nhiều nhóm, "
            "thu gom rác thải nhựa, lưới cũ, phao xốp trôi dạt dọc bờ biển và khu vực bến thuyền.",
            "## Lan toả lối sống xanh",
            "Cùng với việc thu gom rác, Ban Tổ chức trao tặng 50 thùng rác phân loại tại nguồn cho các điểm "
            "kinh doanh ven biển và ra mắt Đội thanh niên tình nguyện bảo vệ môi trường biển. Nhiều hộ kinh "
            "doanh dịch vụ ăn uống đã ký cam kết hạn chế sử dụng túi ni lông, đồ nhựa dùng một lần.",
            "Quận đoàn An Phú cho biết hoạt động sẽ được duy trì vào Chủ nhật cuối cùng của mỗi tháng. Qua đó "
            "góp phần giữ gìn cảnh quan ven biển xanh, sạch, đẹp, hướng tới xây dựng đô thị văn minh.",
        ],
        gallery=[
            "Đoàn viên thanh niên thu gom rác thải nhựa dạt vào bờ biển Hải Thành.",
            "Học sinh các trường trung học phân loại rác ngay tại bãi biển.",
            "Những tấm lưới cũ, phao xốp được tập kết để đưa đi xử lý.",
            "Ban Tổ chức trao thùng rác phân loại cho các hộ kinh doanh ven biển.",
            "Bãi biển sạch đẹp sau buổi ra quân.",
        ],
        byline="ĐỖ HOÀNG LONG",
        source=None,
        keywords=["Môi trường", "Đô thị văn minh", "Thanh niên", "Phường Hải Thành"],
        cover_caption="Đoàn viên thanh niên thu gom rác thải trên bãi biển phường Hải Thành.",
        cover_credit="Ảnh: Đỗ Hoàng Long",
        days_ago=65, hour=11, minute=40,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        title="Đình Hòa Nghĩa khoác diện mạo mới sau hơn một năm tu bổ, tôn tạo di tích",
        lead="Sau hơn 14 tháng thi công, công trình tu bổ, tôn tạo di tích lịch sử - văn hoá đình Hòa Nghĩa "
             "đã hoàn thành, trả lại cho người dân một không gian sinh hoạt văn hoá, tâm linh trang nghiêm, "
             "khang trang.",
        body=[
            "Đình Hòa Nghĩa được dựng từ cuối thế kỷ XIX, là nơi thờ Thành hoàng làng và ghi dấu nhiều hoạt "
            "động cách mạng của Nhân dân địa phương trong các cuộc kháng chiến. Trải qua thời gian, nhiều hạng "
            "mục của di tích bị xuống cấp, mái ngói dột nát, hệ khung gỗ bị mối mọt.",
            "## Giữ gìn tối đa yếu tố gốc",
            "Công trình có tổng kinh phí gần 9 tỷ đồng từ ngân sách và nguồn xã hội hoá, trong đó Nhân dân và "
            "con em xa quê đóng góp hơn 2,6 tỷ đồng. Quá trình thi công tuân thủ nguyên tắc bảo tồn tối đa "
            "yếu tố gốc. Các cấu kiện gỗ, hoành phi, câu đối cổ được gia cố, phục chế bằng vật liệu và kỹ "
            "thuật truyền thống.",
            "Cùng với việc tu bổ, phường Hòa Nghĩa đã số hoá hồ sơ di tích, gắn mã QR thuyết minh bằng tiếng "
            "Việt và tiếng Anh tại các hạng mục chính. Di tích sẽ trở thành một điểm dừng chân trong tuyến "
            "tham quan văn hoá - lịch sử của quận.",
        ],
        gallery=[
            "Toà đại đình với mái ngói được lợp lại theo kỹ thuật truyền thống.",
            "Hệ vì kèo gỗ lim được gia cố, giữ nguyên các mảng chạm khắc cổ.",
            "Hoành phi, câu đối sơn son thếp vàng sau khi được phục chế.",
            "Du khách quét mã QR để nghe thuyết minh về lịch sử di tích.",
            "Các cụ cao niên trong Ban Quản lý di tích dâng hương sau lễ khánh thành công trình.",
        ],
        byline="TRẦN QUỐC BẢO",
        source=None,
        keywords=["Di tích", "Văn hoá cơ sở", "Chuyển đổi số", "Phường Hòa Nghĩa"],
        cover_caption="Đình Hòa Nghĩa sau khi hoàn thành tu bổ, tôn tạo.",
        cover_credit="Ảnh: Trần Quốc Bảo",
        days_ago=100, hour=9, minute=30,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        title="Sắc màu phiên chợ cá lúc bình minh ở bến cá Đa Phúc",
        lead="Khi trời còn mờ sương, bến cá Đa Phúc đã nhộn nhịp tiếng máy tàu, tiếng gọi nhau mua bán. "
             "Phiên chợ sớm không chỉ là nơi tiêu thụ hải sản của ngư dân mà còn đang trở thành điểm đến "
             "hấp dẫn với những người yêu nhiếp ảnh.",
        body=[
            "Khoảng 4 giờ sáng, những chuyến tàu đánh bắt gần bờ lần lượt cập bến. Cá thu, mực, ghẹ, tôm còn "
            "tươi rói được chuyển lên bờ, phân loại ngay trên những chiếc thúng tre. Chỉ trong khoảng hai "
            "tiếng đồng hồ, hàng tấn hải sản đã được tiểu thương mua hết để đưa vào các chợ trong thành phố.",
            "## Chợ truyền thống, cách làm mới",
            "Những năm gần đây, Ban Quản lý bến cá cùng Hợp tác xã Dịch vụ nghề cá Đa Phúc đã chỉnh trang mặt "
            "bằng, bố trí khu vực thu gom rác thải và nước thải riêng. Nhiều ngư dân đã dùng mã QR để nhận "
            "tiền bán hàng, vừa giảm dùng tiền mặt vừa thuận tiện cho người mua.",
            "Phường Đa Phúc đang phối hợp ngành văn hoá xây dựng tuyến trải nghiệm “Một buổi sáng cùng ngư "
            "dân”. Phiên chợ sớm sẽ được đưa vào sản phẩm du lịch cộng đồng của quận trong thời gian tới.",
        ],
        gallery=[
            "Tàu cá cập bến Đa Phúc khi trời vừa hửng sáng.",
            "Ngư dân chuyển những thúng cá thu còn tươi rói lên bờ.",
            "Các tiểu thương tất bật phân loại mực, ghẹ ngay tại bến.",
            "Người mua quét mã QR thanh toán tiền hàng cho ngư dân.",
            "Du khách ghi lại khoảnh khắc phiên chợ sớm trên bến cá.",
            "Bến cá dần trở lại yên bình khi mặt trời lên cao.",
        ],
        byline="NGÔ PHƯƠNG LINH",
        source=None,
        keywords=["Kinh tế biển", "Du lịch", "Chuyển đổi số", "Phường Đa Phúc"],
        cover_caption="Phiên chợ cá lúc bình minh trên bến cá Đa Phúc.",
        cover_credit="Ảnh: Ngô Phương Linh",
        days_ago=15, hour=9, minute=10,
    ),
    dict(
        section="phong-su-anh",
        format="photo",
        status="pending",
        title="Phố đi bộ ven biển An Phú lung linh sắc màu trong những đêm cuối tuần đầu mùa đông",
        lead="Sau hơn ba tháng đi vào hoạt động, phố đi bộ ven biển phường An Phú đã trở thành điểm vui chơi, "
             "thư giãn quen thuộc của người dân và du khách mỗi dịp cuối tuần.",
        body=[
            "Phố đi bộ dài gần 1 km, mở cửa từ 18 giờ đến 23 giờ các tối thứ Sáu, thứ Bảy và Chủ nhật. Dọc "
            "tuyến phố là các gian hàng ẩm thực, sản phẩm thủ công, khu biểu diễn nghệ thuật đường phố và sân "
            "chơi cho thiếu nhi.",
            "## Không gian văn hoá cộng đồng",
            "Mỗi tối cuối tuần, các câu lạc bộ văn nghệ quần chúng của 7 phường luân phiên biểu diễn dân ca, "
            "nhạc cụ dân tộc và nhảy hiện đại. Lực lượng dân phòng, đoàn viên thanh niên được bố trí hướng dẫn "
            "giao thông, giữ gìn an ninh trật tự và vệ sinh môi trường.",
        ],
        gallery=[
            "Phố đi bộ ven biển rực rỡ ánh đèn khi màn đêm buông xuống.",
            "Câu lạc bộ Dân ca phường Hải Thành biểu diễn trên sân khấu ngoài trời.",
            "Du khách thưởng thức ẩm thực làng biển tại các gian hàng.",
            "Thiếu nhi vui chơi tại khu vui chơi dành riêng trên tuyến phố.",
        ],
        byline="MAI ANH TUẤN",
        source=None,
        keywords=["Đô thị văn minh", "Du lịch", "Văn hoá cơ sở", "Phường An Phú"],
        cover_caption="Phố đi bộ ven biển phường An Phú về đêm.",
        cover_credit="Ảnh: Mai Anh Tuấn",
        days_ago=1, hour=20, minute=45,
    ),
    # ------------------------------------------------------------------ Video clip
    dict(
        section="video-clip",
        format="video",
        title="Video: Sơ kết sáu tháng thực hiện Phong trào thi đua “Chung tay xây dựng quận An Phú số”",
        lead="Sau sáu tháng phát động, Phong trào thi đua “Chung tay xây dựng quận An Phú số” đã lan toả tới "
             "7 phường và hàng trăm cơ quan, đơn vị, tổ dân phố, với nhiều mô hình, cách làm sáng tạo.",
        body=[
            "Clip ghi lại những điểm nhấn tại hội nghị sơ kết do Uỷ ban nhân dân quận tổ chức chiều 2/10. Theo "
            "báo cáo, tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến của quận đạt 76%, tăng 21 điểm phần trăm "
            "so với thời điểm phát động. Đến nay, 7/7 phường đã thành lập tổ công nghệ số cộng đồng tới từng "
            "tổ dân phố.",
            "## Những mô hình được nhân rộng",
            "Video giới thiệu một số mô hình tiêu biểu như điểm hỗ trợ dịch vụ công sáng thứ Bảy của Đoàn "
            "Thanh niên phường Tân Thành, sổ liên lạc điện tử tại các trường tiểu học, nhật ký khai thác điện "
            "tử của ngư dân phường Đa Phúc. Tại hội nghị, 12 tập thể và 18 cá nhân đã được Chủ tịch Uỷ ban "
            "nhân dân quận tặng giấy khen.",
            "Phát biểu chỉ đạo, lãnh đạo quận đề nghị các đơn vị tập trung vào những chỉ tiêu còn chậm, nhất "
            "là tỷ lệ thanh toán không dùng tiền mặt tại các chợ truyền thống. Các cơ quan, đơn vị cũng cần "
            "tiếp tục phát hiện, bồi dưỡng các điển hình để nhân rộng trong giai đoạn tiếp theo.",
        ],
        video_url="https://www.youtube.com/watch?v=aP7kQ2mXv9L",
        byline="BÙI ĐỨC TOÀN",
        source="Theo Trung tâm Văn hoá - Thông tin và Thể thao quận",
        keywords=["Phong trào thi đua", "Chuyển đổi số", "Điển hình tiên tiến", "Dịch vụ công trực tuyến"],
        cover_caption="Quang cảnh hội nghị sơ kết sáu tháng thực hiện phong trào thi đua.",
        cover_credit="Ảnh: Bùi Đức Toàn",
        days_ago=50, hour=15, minute=0,
    ),
    dict(
        section="video-clip",
        format="video",
        title="Video: Hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2 trên điện thoại",
        lead="Clip hướng dẫn ngắn gọn, dễ hiểu các bước cài đặt ứng dụng, đăng ký và kích hoạt tài khoản định "
             "danh điện tử mức độ 2, giúp người dân chủ động thực hiện thủ tục hành chính trên môi trường số.",
        body=[
            "Video do Phòng Văn hoá và Thông tin quận phối hợp Công an quận thực hiện, dài khoảng 5 phút, được "
            "chia thành từng bước có chú thích chữ cỡ lớn để người cao tuổi dễ theo dõi. Nội dung gồm tải và "
            "cài đặt ứng dụng định danh điện tử chính thức, đăng nhập bằng số định danh cá nhân, nhập mã kích "
            "hoạt và thiết lập mật khẩu, mã bảo vệ.",
            "## Lưu ý bảo mật thông tin",
            "Clip nhấn mạnh người dân chỉ tải ứng dụng từ kho ứng dụng chính thức, tuyệt đối không cung cấp "
            "mật khẩu, mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ cơ quan nhà nước gọi điện yêu "
            "cầu. Khi có vướng mắc, người dân có thể đến bộ phận một cửa hoặc Công an phường nơi cư trú để "
            "được hỗ trợ trực tiếp.",
            "Video được đăng tải trên trang thông tin điện tử của quận và trình chiếu tại bộ phận một cửa của "
            "7 phường. Các tổ dân phố cũng được đề nghị chia sẻ clip qua nhóm Zalo của khu dân cư.",
        ],
        video_url="https://www.youtube.com/watch?v=Hn3tR8wZc1E",
        byline="HOÀNG THỊ YẾN",
        source=None,
        keywords=["Chuyển đổi số", "Dịch vụ công trực tuyến", "An ninh trật tự"],
        cover_caption="Cán bộ Công an phường hướng dẫn người dân kích hoạt tài khoản định danh điện tử.",
        cover_credit="Ảnh: Hoàng Thị Yến",
        days_ago=88, hour=10, minute=25,
    ),
    dict(
        section="video-clip",
        format="video",
        title="Video: Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư phường Minh Đức",
        lead="Chiều 24/10, Công an quận An Phú phối hợp Uỷ ban nhân dân phường Minh Đức tổ chức diễn tập "
             "phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư đông đúc, có nhiều nhà ở kết hợp kinh "
             "doanh.",
        body=[
            "Tình huống giả định là một hộ kinh doanh tạp hoá trong ngõ nhỏ xảy ra cháy do chập điện, đám "
            "cháy lan sang nhà bên cạnh, có người mắc kẹt trên tầng 3. Ngay khi phát hiện, tổ liên gia an "
            "toàn phòng cháy, chữa cháy đã dùng bình chữa cháy xách tay dập lửa ban đầu, hô hoán và báo tin "
            "qua số điện thoại 114.",
            "## Phát huy phương châm “bốn tại chỗ”",
            "Clip ghi lại sự phối hợp nhịp nhàng giữa lực lượng chữa cháy chuyên nghiệp, lực lượng dân phòng "
            "và người dân trong việc cắt điện, sơ tán tài sản, giải cứu người bị nạn bằng thang dây. Buổi "
            "diễn tập diễn ra an toàn, đúng kịch bản, bảo đảm tính thực tế.",
            "Qua buổi diễn tập, người dân được nâng cao kỹ năng thoát nạn và sử dụng phương tiện chữa cháy "
            "tại chỗ. Lực lượng chức năng cũng khuyến cáo các hộ gia đình lắp đặt thiết bị báo cháy, mở lối "
            "thoát nạn thứ hai tại nhà ống, nhà ở kết hợp kinh doanh.",
        ],
        video_url="https://www.youtube.com/watch?v=q5VdLm0sK2j",
        byline="ĐẶNG VĂN KHẢI",
        source=None,
        keywords=["An ninh trật tự", "Phòng cháy chữa cháy", "Đô thị văn minh", "Phường Minh Đức"],
        cover_caption="Lực lượng chữa cháy giải cứu người bị nạn trong buổi diễn tập.",
        cover_credit="Ảnh: Đặng Văn Khải",
        days_ago=28, hour=18, minute=10,
    ),
    dict(
        section="video-clip",
        format="video",
        title="Video: Đặc sắc Liên hoan các câu lạc bộ văn nghệ quần chúng quận An Phú năm 2026",
        lead="Với 32 tiết mục của 14 câu lạc bộ đến từ 7 phường, Liên hoan các câu lạc bộ văn nghệ quần chúng "
             "quận An Phú năm 2026 đã mang đến cho khán giả những giai điệu mượt mà, đậm chất làng biển.",
        body=[
            "Clip tổng hợp những tiết mục đặc sắc tại liên hoan diễn ra trong hai tối 11 và 12/9 tại Nhà văn "
            "hoá quận. Các tiết mục tập trung ca ngợi quê hương, đất nước, tình yêu biển đảo và những đổi "
            "thay của quận An Phú sau nhiều năm xây dựng, phát triển.",
            "## Đậm đà chất liệu dân gian",
            "Nhiều câu lạc bộ đã mạnh dạn khai thác chất liệu hò biển, hát ru, múa dân gian, kết hợp với cách "
            "dàn dựng hiện đại. Tiết mục hò kéo lưới của Câu lạc bộ Dân ca phường Hải Thành, với sự góp mặt của "
            "ba thế hệ trong một gia đình, để lại ấn tượng sâu sắc và giành giải A của liên hoan.",
            "Liên hoan là dịp để các câu lạc bộ giao lưu, học hỏi kinh nghiệm lẫn nhau. Qua đó góp phần nâng "
            "cao chất lượng phong trào văn hoá, văn nghệ quần chúng ở cơ sở.",
        ],
        video_url="https://www.youtube.com/watch?v=Xb9_Tr4nPq7",
        byline="TRỊNH THU TRANG",
        source=None,
        keywords=["Văn hoá cơ sở", "Văn nghệ quần chúng", "Phường Hải Thành"],
        cover_caption="Tiết mục hò kéo lưới của Câu lạc bộ Dân ca phường Hải Thành.",
        cover_credit="Ảnh: Trịnh Thu Trang",
        days_ago=72, hour=20, minute=30,
    ),
    dict(
        section="video-clip",
        format="video",
        title="Video: Nghề vá lưới – sinh kế bền bỉ của phụ nữ làng biển phường Hải Thành",
        lead="Mỗi sáng, trên bãi đất trống cạnh bến thuyền phường Hải Thành, hàng chục phụ nữ ngồi bên những "
             "tấm lưới dài hàng trăm mét, thoăn thoắt đôi tay vá lại những mắt lưới rách sau mỗi chuyến biển.",
        body=[
            "Clip đưa người xem đến với công việc thầm lặng nhưng không thể thiếu của nghề biển. Trung bình "
            "mỗi người thợ vá lưới có thu nhập từ 250.000 đến 350.000 đồng mỗi ngày. Đây là nguồn thu quan "
            "trọng của nhiều gia đình khi người chồng, người con bám biển dài ngày.",
            "## Giữ nghề giữa nhịp sống đô thị",
            "Nhiều người đã gắn bó với nghề hơn ba mươi năm và truyền lại kinh nghiệm cho con cháu. Hội Liên "
            "hiệp Phụ nữ phường Hải Thành đã thành lập tổ hợp tác vá lưới, giúp chị em nhận việc ổn định từ "
            "các chủ tàu và vận động tham gia bảo hiểm xã hội tự nguyện.",
            "Video cũng ghi lại nỗ lực của địa phương trong việc gìn giữ những nét sinh hoạt đặc trưng của "
            "làng biển giữa nhịp đô thị hoá. Những hình ảnh mộc mạc ấy đang được phường định hướng khai thác "
            "để phát triển du lịch cộng đồng.",
        ],
        video_url="https://www.youtube.com/watch?v=Lw2cF6yUe8M",
        byline="LÝ THANH HƯƠNG",
        source=None,
        keywords=["Kinh tế biển", "An sinh xã hội", "Du lịch", "Phường Hải Thành"],
        cover_caption="Phụ nữ làng biển Hải Thành vá lưới bên bến thuyền.",
        cover_credit="Ảnh: Lý Thanh Hương",
        days_ago=110, hour=14, minute=50,
    ),
    dict(
        section="video-clip",
        format="video",
        title="Video: Mô hình “Camera giữ bình yên khu phố” góp phần giữ vững an ninh trật tự ở phường An Phú",
        lead="Từ nguồn vận động xã hội hoá, tất cả tổ dân phố của phường An Phú đã lắp đặt camera giám sát tại "
             "các ngõ, ngách, tuyến đường trọng điểm, kết nối với Công an phường.",
        body=[
            "Clip giới thiệu cách vận hành mô hình với hơn 180 camera được lắp đặt tại các điểm giao cắt, khu "
            "vực vắng người, hình ảnh được lưu trữ tối thiểu 30 ngày. Tổ trưởng tổ dân phố và Công an phường "
            "được phân quyền theo dõi qua ứng dụng trên điện thoại, kịp thời phát hiện các vụ việc bất thường.",
            "## Hiệu quả từ sự đồng thuận",
            "Từ khi triển khai mô hình, Công an phường An Phú đã trích xuất hình ảnh phục vụ làm rõ nhiều vụ "
            "trộm cắp tài sản, va chạm giao thông. Tình trạng đổ rác, để vật liệu xây dựng sai quy định cũng "
            "giảm rõ rệt. Người dân đánh giá cao hiệu quả của mô hình và tiếp tục đóng góp kinh phí duy trì, "
            "mở rộng.",
            "Mô hình được Uỷ ban nhân dân quận lựa chọn để nhân rộng tại các phường còn lại trong năm 2027. "
            "Đây là một trong những nội dung trọng tâm của Phong trào thi đua “Chung tay xây dựng quận An Phú "
            "số” trên lĩnh vực bảo đảm an ninh trật tự.",
        ],
        video_url="https://www.youtube.com/watch?v=Zk4-hJ1oRt3",
        byline="CAO MINH ĐỨC",
        source=None,
        keywords=["An ninh trật tự", "Chuyển đổi số", "Đô thị văn minh", "Phong trào thi đua",
                  "Phường An Phú"],
        cover_caption="Cán bộ Công an phường An Phú theo dõi hình ảnh từ hệ thống camera khu dân cư.",
        cover_credit="Ảnh: Cao Minh Đức",
        days_ago=20, hour=7, minute=45,
    ),
    # ------------------------------------------------------------------ Điển hình tiên tiến
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        featured=True,
        title="Đoàn viên Trần Minh Khôi và hành trình đưa dịch vụ công trực tuyến đến với hơn hai nghìn người dân phường Tân Thành",
        lead="Mới 24 tuổi, kỹ sư công nghệ thông tin Trần Minh Khôi đã dành gần như trọn những ngày nghỉ cuối "
             "tuần để “cầm tay chỉ việc” cho người dân, nhất là người cao tuổi, làm quen với các tiện ích số.",
        body=[
            "Tốt nghiệp ngành Công nghệ thông tin, Khôi làm việc cho một công ty phần mềm trong thành phố. Năm "
            "2025, khi Đoàn Thanh niên phường Tân Thành kêu gọi thành lập đội thanh niên tình nguyện hỗ trợ "
            "chuyển đổi số, anh là một trong những người đầu tiên đăng ký. Không lâu sau, Khôi được các bạn "
            "tín nhiệm bầu làm đội trưởng.",
            "## Kiên nhẫn với từng thao tác",
            "Theo Khôi, khó khăn lớn nhất không nằm ở công nghệ mà ở tâm lý e ngại của người dân. Nhiều cụ sợ "
            "bấm nhầm, sợ mất tiền trong tài khoản nên chỉ dám nhờ con cháu làm hộ. Vì vậy, đội tình nguyện "
            "chọn cách hướng dẫn chậm rãi, để người dân tự thao tác trên chính chiếc điện thoại của mình, làm "
            "đi làm lại đến khi thành thạo.",
            "Khôi còn tự biên soạn bộ tài liệu hướng dẫn bằng hình ảnh, in khổ lớn, phát tới các tổ dân phố và "
            "đăng tải trên nhóm Zalo của phường. Anh cũng viết những kịch bản ngắn về thủ đoạn lừa đảo qua "
            "điện thoại để đội tình nguyện diễn lại tại các buổi sinh hoạt khu dân cư.",
            "## Lan toả tinh thần tình nguyện",
            "Sau hơn một năm, đội tình nguyện đã hỗ trợ hơn 2.000 lượt người dân kích hoạt tài khoản định danh "
            "điện tử, nộp hồ sơ dịch vụ công trực tuyến và cài đặt ứng dụng thanh toán. Từ 8 thành viên ban "
            "đầu, đến nay đội đã có 35 đoàn viên, duy trì điểm hỗ trợ vào sáng thứ Bảy hằng tuần tại bộ phận "
            "một cửa phường.",
            "Với những đóng góp đó, Trần Minh Khôi được Chủ tịch Uỷ ban nhân dân quận tặng giấy khen tại hội "
            "nghị sơ kết sáu tháng Phong trào thi đua “Chung tay xây dựng quận An Phú số”. “Mình chỉ mong ông "
            "bà, cha mẹ không ai bị bỏ lại phía sau khi mọi việc đều chuyển lên môi trường số”, Khôi chia sẻ.",
        ],
        profile=dict(
            subject_name="Trần Minh Khôi",
            subject_kind="individual",
            unit="Đội thanh niên tình nguyện hỗ trợ chuyển đổi số, Đoàn Thanh niên phường Tân Thành",
            ward="Tân Thành",
            field="Chuyển đổi số",
            achievement="Làm đội trưởng đội thanh niên tình nguyện hỗ trợ chuyển đổi số của phường từ năm "
                        "2025. Cùng đội hỗ trợ hơn 2.000 lượt người dân kích hoạt tài khoản định danh điện tử, "
                        "nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt. Được Chủ tịch Uỷ ban nhân dân "
                        "quận tặng giấy khen năm 2026.",
            campaign=True,
        ),
        byline="HÀ PHƯƠNG THẢO",
        source=None,
        keywords=["Điển hình tiên tiến", "Phong trào thi đua", "Chuyển đổi số", "Thanh niên",
                  "Phường Tân Thành"],
        cover_caption="Trần Minh Khôi (bên phải) hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.",
        cover_credit="Ảnh: Hà Phương Thảo",
        days_ago=35, hour=8, minute=0,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Cô giáo Phạm Thị Ngọc Lan và những tiết học số truyền cảm hứng ở Trường THCS Minh Đức",
        lead="Nhân kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2026), xin giới thiệu tấm gương "
             "một cô giáo dạy Ngữ văn đã mạnh dạn đưa công nghệ vào từng bài giảng, giúp học sinh thêm yêu "
             "môn học.",
        body=[
            "Gắn bó với nghề dạy học hơn 18 năm, cô Phạm Thị Ngọc Lan hiện là tổ trưởng tổ Ngữ văn, Trường THCS "
            "Minh Đức. Từ năm học 2024 - 2025, cô bắt đầu xây dựng bài giảng điện tử có tích hợp video, bản đồ "
            "tư duy và câu hỏi tương tác, để học sinh vừa học vừa được trải nghiệm.",
            "## Biến giờ văn thành giờ khám phá",
            "Trong các tiết học về văn học dân gian, học sinh của cô được chia nhóm, dùng máy tính bảng ghi âm "
            "lời kể của ông bà về những câu chuyện, câu hò của làng biển, rồi dựng thành sản phẩm đa phương "
            "tiện. Những bài văn hay của học sinh được cô tập hợp thành tuyển tập điện tử, chia sẻ trên thư "
            "viện số của nhà trường.",
            "Không giữ kinh nghiệm cho riêng mình, cô Lan chủ động tổ chức các buổi sinh hoạt chuyên môn, hướng "
            "dẫn đồng nghiệp thiết kế bài giảng số. Sáng kiến “Ứng dụng học liệu số trong dạy học Ngữ văn theo "
            "hướng phát triển năng lực” của cô được công nhận cấp thành phố và được nhiều trường trong quận áp "
            "dụng.",
            "## Tấm gương tận tuỵ với học trò",
            "Năm học 2025 - 2026, cô Lan được công nhận giáo viên dạy giỏi cấp thành phố và có 6 học sinh đạt "
            "giải học sinh giỏi cấp thành phố môn Ngữ văn. Ngoài giờ lên lớp, cô còn dành thời gian kèm cặp "
            "miễn phí cho học sinh có hoàn cảnh khó khăn trong khu dân cư.",
        ],
        profile=dict(
            subject_name="Phạm Thị Ngọc Lan",
            subject_kind="individual",
            unit="Trường THCS Minh Đức",
            ward="Minh Đức",
            field="Giáo dục",
            achievement="Tiên phong xây dựng bài giảng điện tử tương tác và học liệu số môn Ngữ văn; sáng "
                        "kiến được công nhận cấp thành phố. Năm học 2025 - 2026 đạt danh hiệu giáo viên dạy "
                        "giỏi cấp thành phố, bồi dưỡng 6 học sinh đạt giải học sinh giỏi cấp thành phố.",
            campaign=True,
        ),
        byline="NGÔ PHƯƠNG LINH",
        source=None,
        keywords=["Điển hình tiên tiến", "Giáo dục", "Chuyển đổi số", "Phong trào thi đua",
                  "Phường Minh Đức"],
        cover_caption="Cô giáo Phạm Thị Ngọc Lan trong một tiết học Ngữ văn có ứng dụng học liệu số.",
        cover_credit="Ảnh: Ngô Phương Linh",
        days_ago=4, hour=7, minute=30,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Cựu chiến binh Nguyễn Văn Lộc và gian bếp nghĩa tình mỗi ngày trao hơn trăm suất cơm cho bệnh nhân nghèo",
        lead="Đã ngoài 70 tuổi, cựu chiến binh Nguyễn Văn Lộc vẫn cùng đồng đội duy trì “Bếp cơm nghĩa tình” "
             "suốt 6 năm qua, mang những bữa ăn ấm áp đến với bệnh nhân nghèo và người lao động khó khăn tại "
             "phường An Phú.",
        body=[
            "Ông Lộc có hơn 20 năm trong quân ngũ, nghỉ hưu với quân hàm Trung tá. Năm 2020, thấy nhiều người "
            "nhà bệnh nhân ở Trung tâm Y tế quận phải ăn tạm bánh mì qua bữa, ông bàn với vợ và mấy đồng đội "
            "trong Chi hội Cựu chiến binh mở bếp ăn miễn phí ngay tại sân nhà mình.",
            "## Gian bếp luôn đỏ lửa",
            "Từ 4 giờ sáng thứ Hai, thứ Tư và thứ Sáu hằng tuần, gian bếp nhỏ đã đỏ lửa. Hơn 20 tình nguyện "
            "viên, phần đông là cựu chiến binh và hội viên phụ nữ, chia nhau nhặt rau, nấu cơm, chia suất. "
            "Đúng 10 giờ 30, những suất cơm còn nóng được chở đến cổng Trung tâm Y tế quận, trao tận tay bệnh "
            "nhân và người nhà.",
            "Nguồn thực phẩm do các nhà hảo tâm, tiểu thương chợ An Phú và chính các thành viên đóng góp. Ông "
            "Lộc ghi chép rõ ràng từng khoản thu, chi và thông báo công khai hằng tháng để mọi người cùng theo "
            "dõi. Đến nay, bếp đã trao hơn 95.000 suất cơm miễn phí.",
            "## Lan toả việc tốt",
            "Từ gian bếp của ông Lộc, nhiều khu dân cư trong quận đã hình thành tủ bánh mì, tủ quần áo miễn phí "
            "cho người khó khăn. Năm 2026, ông được Uỷ ban nhân dân thành phố tặng Bằng khen vì có thành tích "
            "xuất sắc trong phong trào thi đua “Cựu chiến binh gương mẫu”. “Bếp còn đỏ lửa ngày nào là mình "
            "còn được sống có ích ngày ấy”, ông Lộc nói.",
        ],
        profile=dict(
            subject_name="Nguyễn Văn Lộc",
            subject_kind="individual",
            unit="Chi hội Cựu chiến binh Tổ dân phố số 3, phường An Phú",
            ward="An Phú",
            field="Văn hóa - Xã hội",
            achievement="Sáng lập và duy trì “Bếp cơm nghĩa tình” từ năm 2020, trao hơn 95.000 suất cơm miễn "
                        "phí cho bệnh nhân nghèo và người lao động khó khăn. Năm 2026 được Uỷ ban nhân dân "
                        "thành phố tặng Bằng khen trong phong trào thi đua “Cựu chiến binh gương mẫu”.",
            campaign=False,
        ),
        byline="TRẦN QUỐC BẢO",
        source=None,
        keywords=["Điển hình tiên tiến", "Người tốt việc tốt", "An sinh xã hội", "Phường An Phú"],
        cover_caption="Cựu chiến binh Nguyễn Văn Lộc (giữa) cùng tình nguyện viên chia suất cơm.",
        cover_credit="Ảnh: Trần Quốc Bảo",
        days_ago=58, hour=9, minute=15,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Nữ doanh nhân Đỗ Thị Hồng Nhung đưa đặc sản hải sản khô làng biển Hải Thành lên sàn thương mại điện tử",
        lead="Từ cơ sở phơi mực thủ công của gia đình, chị Đỗ Thị Hồng Nhung đã xây dựng thương hiệu hải sản "
             "khô có mặt trên nhiều sàn thương mại điện tử, tạo việc làm ổn định cho hơn 30 lao động nữ ở "
             "địa phương.",
        body=[
            "Sinh ra trong gia đình có bố làm nghề biển, mẹ buôn bán hải sản, chị Nhung sớm thấm thía cảnh "
            "được mùa thì mất giá, sản phẩm làm ra chỉ biết bán cho thương lái. Năm 2019, chị thành lập Công "
            "ty TNHH Hải sản Biển Xanh, đầu tư máy sấy năng lượng mặt trời, kho lạnh và đăng ký tiêu chuẩn an "
            "toàn thực phẩm.",
            "## Mạnh dạn chuyển đổi số",
            "Bước ngoặt đến khi chị quyết định đưa sản phẩm lên mạng. Mỗi gói mực, cá khô đều được gắn tem "
            "truy xuất nguồn gốc bằng mã QR, thể hiện rõ tàu khai thác, ngày đánh bắt và ngày chế biến. Chị tự "
            "học cách livestream bán hàng ngay tại xưởng sấy để khách hàng thấy được quy trình sản xuất sạch "
            "sẽ, minh bạch.",
            "Hiện doanh thu từ kênh trực tuyến chiếm gần 70% tổng doanh thu của công ty, với hai sản phẩm đạt "
            "chứng nhận OCOP 4 sao. Công ty bao tiêu sản phẩm cho 25 tàu cá của ngư dân phường Hải Thành và "
            "Đa Phúc, giúp bà con yên tâm bám biển.",
            "## Sẻ chia với cộng đồng",
            "Là Phó Chủ tịch Hội Nữ doanh nhân quận, chị Nhung thường xuyên chia sẻ kinh nghiệm bán hàng trực "
            "tuyến cho các hộ kinh doanh nhỏ, nhất là phụ nữ có hoàn cảnh khó khăn. Mỗi năm, chị dành một "
            "phần lợi nhuận trao học bổng cho con em ngư dân học giỏi.",
        ],
        profile=dict(
            subject_name="Đỗ Thị Hồng Nhung",
            subject_kind="individual",
            unit="Công ty TNHH Hải sản Biển Xanh",
            ward="Hải Thành",
            field="Kinh tế",
            achievement="Xây dựng thương hiệu hải sản khô có truy xuất nguồn gốc bằng mã QR, đưa sản phẩm lên "
                        "các sàn thương mại điện tử; hai sản phẩm đạt chứng nhận OCOP 4 sao. Tạo việc làm ổn "
                        "định cho hơn 30 lao động nữ và bao tiêu sản phẩm cho 25 tàu cá của ngư dân địa phương.",
            campaign=True,
        ),
        byline="HOÀNG THỊ YẾN",
        source=None,
        keywords=["Điển hình tiên tiến", "Kinh tế biển", "Chuyển đổi số", "Phong trào thi đua",
                  "Phường Hải Thành"],
        cover_caption="Chị Đỗ Thị Hồng Nhung giới thiệu sản phẩm qua livestream tại xưởng sấy.",
        cover_credit="Ảnh: Nhân vật cung cấp",
        days_ago=47, hour=10, minute=0,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Tổ dân phố số 5 phường Đồng Tâm: điểm sáng xây dựng khu dân cư an toàn, văn minh nhờ ứng dụng công nghệ số",
        lead="Với 412 hộ dân, trong đó có nhiều hộ cho thuê trọ, Tổ dân phố số 5 phường Đồng Tâm từng là địa "
             "bàn phức tạp về trật tự. Nhờ sự đồng lòng của Nhân dân và cách làm sáng tạo, ba năm liền tổ "
             "không để xảy ra tội phạm nghiêm trọng.",
        body=[
            "Ông Vũ Đình Hưng, Tổ trưởng tổ dân phố, cho biết trước đây việc thông tin, nhắc nhở tới các hộ chủ "
            "yếu qua loa truyền thanh và họp tổ nên nhiều khi chậm trễ. Từ năm 2024, tổ lập nhóm Zalo với hơn "
            "600 thành viên, chia theo từng cụm liên gia, để cập nhật nhanh thông báo và phản ánh của người dân.",
            "## Mỗi người dân là một “tai mắt”",
            "Cùng với nhóm Zalo, tổ vận động lắp đặt 24 camera an ninh tại các ngõ, ngách, kết nối với Công an "
            "phường. Chủ nhà trọ được hướng dẫn khai báo tạm trú cho người thuê nhanh chóng qua ứng dụng. Mọi "
            "phản ánh về mất trật tự, vệ sinh môi trường đều được tổ tiếp nhận, phân công xử lý và trả lời "
            "công khai trong nhóm.",
            "Nhờ thông tin kịp thời, năm 2026 người dân trong tổ đã báo tin giúp Công an phường bắt quả tang 2 "
            "vụ trộm cắp tài sản, ngăn chặn nhiều trường hợp bị lừa đảo qua mạng. Tỷ lệ hộ đạt danh hiệu “Gia "
            "đình văn hoá” của tổ đạt 96%.",
            "## Được biểu dương, nhân rộng",
            "Tổ dân phố số 5 được Uỷ ban nhân dân quận biểu dương là tập thể tiêu biểu trong Phong trào thi đua "
            "“Chung tay xây dựng quận An Phú số”. Mô hình nhóm Zalo theo cụm liên gia của tổ đang được các tổ "
            "dân phố khác trong phường học tập, áp dụng.",
        ],
        profile=dict(
            subject_name="Tổ dân phố số 5, phường Đồng Tâm",
            subject_kind="collective",
            unit="Uỷ ban nhân dân phường Đồng Tâm",
            ward="Đồng Tâm",
            field="Quốc phòng - An ninh",
            achievement="Ứng dụng nhóm Zalo theo cụm liên gia, hệ thống 24 camera an ninh kết nối Công an phường "
                        "và khai báo tạm trú trực tuyến. Ba năm liền không để xảy ra tội phạm nghiêm trọng; 96% "
                        "hộ gia đình đạt danh hiệu “Gia đình văn hoá”.",
            campaign=True,
        ),
        byline="PHAN VĂN NAM",
        source=None,
        keywords=["Điển hình tiên tiến", "An ninh trật tự", "Đô thị văn minh", "Phong trào thi đua",
                  "Phường Đồng Tâm"],
        cover_caption="Tổ trưởng Tổ dân phố số 5 cập nhật thông tin trên nhóm Zalo của khu dân cư.",
        cover_credit="Ảnh: Phan Văn Nam",
        days_ago=23, hour=16, minute=35,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Trường Tiểu học Hòa Nghĩa – lá cờ đầu xây dựng trường học số trong ngành giáo dục quận An Phú",
        lead="Học bạ số, sổ liên lạc điện tử, thư viện số, thu học phí không dùng tiền mặt… là những đổi mới "
             "giúp Trường Tiểu học Hòa Nghĩa trở thành đơn vị dẫn đầu phong trào chuyển đổi số trong khối "
             "tiểu học của quận.",
        body=[
            "Trường Tiểu học Hòa Nghĩa hiện có 1.150 học sinh với 32 lớp học. Năm học 2025 - 2026, nhà trường "
            "được chọn làm đơn vị thí điểm mô hình trường học số của quận. Ngay từ đầu năm học, Ban Giám hiệu "
            "đã xây dựng kế hoạch cụ thể, phân công từng tổ chuyên môn phụ trách từng nội dung.",
            "## Thuận tiện cho phụ huynh, nhẹ gánh cho giáo viên",
            "Toàn bộ học bạ của học sinh đã được số hoá và ký số theo quy định. Phụ huynh nhận thông báo kết "
            "quả học tập, lịch học, thực đơn bán trú qua ứng dụng sổ liên lạc điện tử trên điện thoại. Tất cả "
            "các khoản thu được thực hiện qua ngân hàng, minh bạch và giảm áp lực cho giáo viên chủ nhiệm.",
            "Thư viện số của trường với hơn 3.000 đầu sách điện tử, sách nói được học sinh truy cập cả ở trường "
            "và ở nhà. Nhiều giáo viên đã tự thiết kế học liệu số, trò chơi học tập cho các môn Toán, Tiếng "
            "Việt, Tự nhiên và Xã hội.",
            "## Kết quả toàn diện",
            "Năm học 2025 - 2026, nhà trường được Uỷ ban nhân dân thành phố tặng Cờ thi đua và được công nhận "
            "đạt chuẩn quốc gia mức độ 2. Kinh nghiệm xây dựng trường học số của nhà trường đã được Phòng Giáo "
            "dục và Đào tạo quận tổ chức chia sẻ cho các trường tiểu học trên địa bàn.",
        ],
        profile=dict(
            subject_name="Trường Tiểu học Hòa Nghĩa",
            subject_kind="collective",
            unit="Phòng Giáo dục và Đào tạo quận An Phú",
            ward="Hòa Nghĩa",
            field="Giáo dục",
            achievement="Đơn vị thí điểm mô hình trường học số của quận: toàn bộ học bạ được số hoá, ký số; sổ "
                        "liên lạc điện tử và thanh toán không dùng tiền mặt triển khai toàn trường. Năm học "
                        "2025 - 2026 được Uỷ ban nhân dân thành phố tặng Cờ thi đua.",
            campaign=True,
        ),
        byline="VŨ NGỌC MAI",
        source=None,
        keywords=["Điển hình tiên tiến", "Giáo dục", "Chuyển đổi số", "Phong trào thi đua",
                  "Phường Hòa Nghĩa"],
        cover_caption="Học sinh Trường Tiểu học Hòa Nghĩa đọc sách tại thư viện số của nhà trường.",
        cover_credit="Ảnh: Vũ Ngọc Mai",
        days_ago=66, hour=14, minute=5,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Hợp tác xã Dịch vụ nghề cá Đa Phúc ứng dụng nhật ký khai thác điện tử, nâng cao thu nhập cho xã viên",
        lead="Từ một hợp tác xã chủ yếu cung ứng dầu, đá lạnh cho tàu cá, Hợp tác xã Dịch vụ nghề cá Đa Phúc "
             "đã vươn lên thành mô hình kinh tế tập thể tiêu biểu của quận nhờ mạnh dạn ứng dụng công nghệ "
             "vào quản lý và tiêu thụ sản phẩm.",
        body=[
            "Hợp tác xã hiện có 86 xã viên là chủ tàu, ngư dân và tiểu thương trên địa bàn phường Đa Phúc. Ông "
            "Lương Văn Tài, Giám đốc hợp tác xã, cho biết trước đây ngư dân ghi nhật ký khai thác bằng sổ tay, "
            "dễ thất lạc và thiếu thông tin khi cần chứng minh nguồn gốc hải sản.",
            "## Số hoá từ con tàu đến bến cá",
            "Từ năm 2025, hợp tác xã phối hợp các cơ quan chuyên môn hướng dẫn toàn bộ tàu cá của xã viên sử "
            "dụng nhật ký khai thác điện tử, kết nối thiết bị giám sát hành trình. Dữ liệu về ngư trường, sản "
            "lượng, thời gian cập bến được cập nhật tự động. Nhờ đó, hợp tác xã chủ động kế hoạch thu mua, bảo "
            "quản và kết nối với doanh nghiệp chế biến.",
            "Hợp tác xã cũng đưa vào vận hành phần mềm quản lý công nợ, cung ứng vật tư và thanh toán qua ngân "
            "hàng cho xã viên. Chi phí trung gian giảm đáng kể, giá bán hải sản của xã viên cao hơn từ 10 đến "
            "15% so với trước.",
            "## Gắn kết cộng đồng ngư dân",
            "Năm 2026, doanh thu của hợp tác xã ước đạt trên 18 tỷ đồng, thu nhập bình quân của người lao động "
            "đạt 12 triệu đồng/tháng. Hợp tác xã duy trì quỹ hỗ trợ ngư dân gặp rủi ro trên biển và tích cực "
            "tham gia bảo vệ nguồn lợi thuỷ sản, chống khai thác bất hợp pháp.",
        ],
        profile=dict(
            subject_name="Hợp tác xã Dịch vụ nghề cá Đa Phúc",
            subject_kind="collective",
            unit="Liên minh Hợp tác xã thành phố",
            ward="Đa Phúc",
            field="Kinh tế",
            achievement="Hướng dẫn toàn bộ tàu cá của xã viên sử dụng nhật ký khai thác điện tử; số hoá quản lý "
                        "công nợ, cung ứng vật tư và thanh toán qua ngân hàng. Giá bán hải sản của xã viên tăng "
                        "10 - 15%, thu nhập bình quân của người lao động đạt 12 triệu đồng/tháng.",
            campaign=True,
        ),
        byline="ĐINH QUANG HUY",
        source=None,
        keywords=["Điển hình tiên tiến", "Kinh tế biển", "Kinh tế tập thể", "Chuyển đổi số",
                  "Phong trào thi đua", "Phường Đa Phúc"],
        cover_caption="Xã viên Hợp tác xã Dịch vụ nghề cá Đa Phúc cập nhật nhật ký khai thác điện tử.",
        cover_credit="Ảnh: Đinh Quang Huy",
        days_ago=12, hour=11, minute=20,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        title="Nghệ nhân Hoàng Văn Thọ – người giữ lửa điệu hò kéo lưới của làng biển Hải Thành",
        lead="Gần 60 năm gắn bó với những câu hò trên biển, ông Hoàng Văn Thọ đã miệt mài sưu tầm, truyền dạy "
             "để điệu hò kéo lưới không bị mai một giữa nhịp sống đô thị.",
        body=[
            "Năm nay 78 tuổi, ông Thọ vẫn nhớ như in những đêm theo cha ra khơi, nghe bạn thuyền cất tiếng hò "
            "giữ nhịp khi kéo lưới. Những câu hò mộc mạc, khoẻ khoắn ấy theo ông suốt những năm đi biển và trở "
            "thành niềm say mê lớn nhất khi ông lên bờ nghỉ ngơi.",
            "## Miệt mài sưu tầm, truyền dạy",
            "Hơn 20 năm qua, ông Thọ đã tìm gặp các cụ cao niên trong vùng, ghi chép lại gần 200 câu hò, lời "
            "ca cổ gắn với nghề biển. Năm 2012, ông cùng một số người yêu dân ca thành lập Câu lạc bộ Dân ca "
            "phường Hải Thành, mở lớp truyền dạy miễn phí cho thanh thiếu niên vào các tối cuối tuần.",
            "Đến nay, câu lạc bộ đã có hơn 40 thành viên, trong đó nhiều em học sinh hát thuần thục các làn "
            "điệu hò biển. Các tiết mục do ông dàn dựng thường xuyên đạt giải cao tại các liên hoan văn nghệ "
            "quần chúng của quận và thành phố.",
            "## Tâm nguyện của người giữ lửa",
            "Với những đóng góp trong bảo tồn di sản văn hoá phi vật thể, ông Thọ được Chủ tịch Uỷ ban nhân dân "
            "thành phố tặng Bằng khen. Tâm nguyện lớn nhất của ông hiện nay là hoàn thành cuốn sách tập hợp "
            "các câu hò biển, để lại cho thế hệ sau một tư liệu quý về văn hoá làng biển quê hương.",
        ],
        profile=dict(
            subject_name="Hoàng Văn Thọ",
            subject_kind="individual",
            unit="Câu lạc bộ Dân ca phường Hải Thành",
            ward="Hải Thành",
            field="Văn hóa - Xã hội",
            achievement="Sưu tầm, ghi chép gần 200 câu hò, lời ca cổ về nghề biển; sáng lập Câu lạc bộ Dân ca "
                        "phường Hải Thành và truyền dạy miễn phí cho thanh thiếu niên. Được Chủ tịch Uỷ ban nhân "
                        "dân thành phố tặng Bằng khen vì thành tích bảo tồn di sản văn hoá phi vật thể.",
            campaign=False,
        ),
        byline="TRỊNH THU TRANG",
        source=None,
        keywords=["Điển hình tiên tiến", "Người tốt việc tốt", "Văn hoá cơ sở", "Văn nghệ quần chúng",
                  "Phường Hải Thành"],
        cover_caption="Nghệ nhân Hoàng Văn Thọ truyền dạy hò kéo lưới cho các em học sinh.",
        cover_credit="Ảnh: Trịnh Thu Trang",
        days_ago=95, hour=15, minute=40,
    ),
    dict(
        section="dien-hinh-tien-tien",
        format="exemplary",
        status="draft",
        title="Công an phường Đa Phúc – tập thể tiêu biểu trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026",
        lead="Bám sát địa bàn, gần dân, Công an phường Đa Phúc đã tham mưu nhiều mô hình hiệu quả, góp phần "
             "giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường ven biển.",
        body=[
            "Phường Đa Phúc có bến cá và nhiều lao động từ nơi khác đến làm ăn, sinh sống nên tình hình an ninh "
            "trật tự tiềm ẩn nhiều yếu tố phức tạp. Xác định rõ điều đó, Công an phường đã phân công cán bộ phụ "
            "trách từng tổ dân phố, duy trì lịch tiếp dân và lắng nghe phản ánh của người dân.",
            "## Dựa vào dân để giữ bình yên",
            "Công an phường phối hợp Hợp tác xã Dịch vụ nghề cá Đa Phúc thành lập các tổ tự quản an ninh trật "
            "tự trên bến cá, xây dựng mô hình “Tàu cá an toàn, ngư dân tuân thủ pháp luật”. Trong năm 2026, "
            "đơn vị đã hoàn thành làm sạch dữ liệu dân cư và hỗ trợ người dân kích hoạt hơn 5.000 tài khoản "
            "định danh điện tử.",
            "Nhờ những cách làm đó, tội phạm về trật tự xã hội trên địa bàn giảm 28% so với năm trước. Nhiều "
            "mâu thuẫn, vụ việc được phát hiện và giải quyết ngay từ cơ sở, không để phát sinh thành điểm nóng.",
        ],
        profile=dict(
            subject_name="Công an phường Đa Phúc",
            subject_kind="collective",
            unit="Công an quận An Phú",
            ward="Đa Phúc",
            field="Quốc phòng - An ninh",
            achievement="Xây dựng mô hình “Tàu cá an toàn, ngư dân tuân thủ pháp luật” và các tổ tự quản an "
                        "ninh trật tự trên bến cá. Năm 2026, tội phạm về trật tự xã hội trên địa bàn giảm 28%; "
                        "hỗ trợ người dân kích hoạt hơn 5.000 tài khoản định danh điện tử.",
            campaign=False,
        ),
        byline="PHAN VĂN NAM",
        source=None,
        keywords=["Điển hình tiên tiến", "An ninh trật tự", "Phường Đa Phúc"],
        cover_caption="Cán bộ Công an phường Đa Phúc tuyên truyền pháp luật cho ngư dân tại bến cá.",
        cover_credit="Ảnh: Phan Văn Nam",
        days_ago=0, hour=10, minute=15,
    ),
]
